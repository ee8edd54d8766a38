package dev.refinery.backlog;

import java.math.BigDecimal;

/**
 * What another module shows of an item it names (a reference story, a similar item): its key, title, status, estimate
 * and the effort it really took, in half days (null when nobody recorded it).
 */
public record ItemBrief(ItemKey key, String title, Status status, Estimate estimate, Integer actualHalves) {

    public BigDecimal actualDays() {
        return actualHalves == null ? null : BigDecimal.valueOf(actualHalves).divide(BigDecimal.TWO).stripTrailingZeros();
    }

    /** Whether the item is done or has an agreed estimate: a team can point at it as what a value means. */
    public boolean settled() {
        return status == Status.DONE || estimate != null && estimate.agreed();
    }
}
