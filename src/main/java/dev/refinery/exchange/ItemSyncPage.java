package dev.refinery.exchange;

/** An item's sync card, alone on a page without JavaScript or swapped into the item page. */
public record ItemSyncPage(String team, String teamName, String item, String title, int version, ItemSync sync,
        String error) {

    public String base() {
        return "/teams/" + team + "/items/" + item;
    }

    public String errorText() {
        return "stale".equals(error) ? "Somebody changed the item since you opened it: look at it again, then pick." : null;
    }
}
