package dev.refinery.backlog;

import java.util.List;

/**
 * Items were created in a team at once, from a file, a tracker's sync or a backup; published inside the transaction
 * that saved them, with the keys of the items it created.
 */
public record BacklogItemsImported(long team, List<ItemKey> keys) {

    public BacklogItemsImported {
        keys = List.copyOf(keys);
    }
}
