package dev.refinery.backlog;

import java.util.List;

/** One page of a filtered backlog, and how many items match in all. */
public record BacklogPage(List<ItemView> items, int total, int page, int pages) {
}
