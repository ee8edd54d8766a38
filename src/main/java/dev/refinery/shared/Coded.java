package dev.refinery.shared;

import java.util.Arrays;
import java.util.Optional;

/** A value with a code that pages, forms and the API use for it: "needs-refinement", "wsjf", "too-big-split". */
public interface Coded {

    String code();

    /** The value with this code among these, if any. */
    static <E extends Coded> Optional<E> of(E[] values, String code) {
        return Arrays.stream(values).filter(value -> value.code().equals(code)).findFirst();
    }
}
