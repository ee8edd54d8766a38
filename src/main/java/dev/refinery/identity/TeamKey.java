package dev.refinery.identity;

/** A team's short key, 2 to 10 capital letters: the prefix of its item keys ({@code PAY-17}). */
public record TeamKey(String value) {

    public static final String PATTERN = "[A-Z]{2,10}";
    public static final String RULE = "A team key is 2 to 10 capital letters, like PAY.";

    public TeamKey {
        if (value == null || !value.matches(PATTERN)) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** A key from a URL: anything that is not a key can name no team, so it is simply not found. */
    static java.util.Optional<TeamKey> parse(String value) {
        return value != null && value.matches(PATTERN) ? java.util.Optional.of(new TeamKey(value)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
