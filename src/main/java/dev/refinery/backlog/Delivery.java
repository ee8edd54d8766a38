package dev.refinery.backlog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An item that reached done: when, its agreed estimate (null when it had none), and the effort it really took in
 * half days (null when nobody recorded it).
 */
public record Delivery(ItemKey key, String title, Estimate estimate, Integer actualHalves, Instant doneAt) {

    public BigDecimal actualDays() {
        return actualHalves == null ? null : BigDecimal.valueOf(actualHalves).divide(BigDecimal.TWO).stripTrailingZeros();
    }
}
