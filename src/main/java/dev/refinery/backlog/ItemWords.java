package dev.refinery.backlog;

import java.time.Instant;

/**
 * The words of an item and its estimate, for an index kept outside the backlog (similar items): its title, and its
 * description, technical notes and acceptance criteria as one text, as they were written (Markdown and all).
 */
public record ItemWords(long team, int number, String title, String text, Estimate estimate, Instant updatedAt) {
}
