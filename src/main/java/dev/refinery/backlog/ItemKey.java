package dev.refinery.backlog;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/** An item's key, its team's key and its number in that team: {@code PAY-17}. Numbers are never reused. */
public record ItemKey(String team, int number) {

    private static final Pattern FORMAT = Pattern.compile("([A-Z]{2,10})-([1-9][0-9]{0,8})");

    public ItemKey {
        if (team == null || !team.matches("[A-Z]{2,10}") || number < 1) {
            throw new IllegalArgumentException("An item key is a team key and a number, like PAY-17");
        }
    }

    public static Optional<ItemKey> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(text.strip());
        return matcher.matches()
                ? Optional.of(new ItemKey(matcher.group(1), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    @JsonValue
    @Override
    public String toString() {
        return team + "-" + number;
    }
}
