package dev.refinery.backlog;

/** One acceptance criterion: when is it done, is it tested, is it shipped. */
public record Criterion(String text, boolean done) {

    @Override
    public String toString() {
        return (done ? "[x] " : "[ ] ") + text;
    }
}
