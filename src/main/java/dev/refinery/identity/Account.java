package dev.refinery.identity;

import java.io.Serializable;

/** An account as others may see it: never its password. */
public record Account(AccountId id, String email, String displayName, boolean administrator) implements Serializable {
}
