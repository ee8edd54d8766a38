package dev.refinery.backlog;

import java.util.Objects;

/**
 * An item read from another tool's file: the row it came from (as the file's reader counts rows), the key
 * that tool gave it, its fields as a patch on an empty item, and the external key of the item it is a part
 * of (a Jira sub-task's parent), or null.
 */
public record ImportedItem(int row, String externalKey, ItemPatch patch, String partOf) {

    public static final int EXTERNAL_KEY_MAX = 200;

    public ImportedItem {
        Objects.requireNonNull(externalKey, "externalKey");
        Objects.requireNonNull(patch, "patch");
    }

    public ImportedItem(int row, String externalKey, ItemPatch patch) {
        this(row, externalKey, patch, null);
    }

    /** The fields this item would have if it were created now, before any team's rules are checked. */
    public ItemContent content() {
        return patch.applyTo(ItemContent.titled(""));
    }
}
