package dev.refinery.identity;

import java.util.List;

import dev.refinery.shared.FieldErrors;
import dev.refinery.shared.RefinementHealth;

/** The team page: its members and, when a module answers, its refinement health (null otherwise). */
public record TeamPage(Membership membership, List<Member> members, NewMember form, FieldErrors errors,
        RefinementHealth.Health health) {

    public static String minutes(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
