package dev.refinery.shared;

import java.util.Set;

/** Who is in a live room now: the accounts with a stream open to it. The live module answers. */
public interface Presence {

    Set<Long> present(String room);
}
