package dev.refinery.backlog;

/** A link in the technical notes: a design, a page of source code. Only http and https URLs. */
public record Link(String label, String url) {

    @Override
    public String toString() {
        return label + " <" + url + ">";
    }
}
