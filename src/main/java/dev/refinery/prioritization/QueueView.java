package dev.refinery.prioritization;

import java.util.List;
import java.util.Map;

import dev.refinery.backlog.Workstream;
import dev.refinery.shared.FieldErrors;

/** The queue page: a page of the queue, its filter, and whether the viewer may pin. */
public record QueueView(String team, String teamName, String workstream, QueuePage queue, List<Workstream> workstreams,
        boolean canPin, FieldErrors errors, Map<Integer, String> deadlineRisks) {

    public QueueView {
        deadlineRisks = Map.copyOf(deadlineRisks);
    }

    /** The at-risk badge of an entry ("62 % by 1 Mar"), or null when its deadline is not at risk. */
    public String deadlineRisk(QueueEntry entry) {
        return deadlineRisks.get(entry.key().number());
    }

    public String url(int page) {
        return url(team, workstream, page);
    }

    /** Where a drag posts its pin, keeping this page and filter. */
    public String pinUrl() {
        return url(team, workstream, queue.page()).replace("/queue?", "/queue/pins?");
    }

    static String url(String team, String workstream, int page) {
        return "/teams/" + team + "/queue?page=" + page
                + (workstream == null || workstream.isBlank() ? "" : "&workstream=" + QueueController.encode(workstream));
    }

    /** Whether the band changes before this line of the page: the band's heading goes there. */
    public boolean bandStartsAt(int index) {
        var entries = queue.entries();
        return index == 0 || entries.get(index - 1).band() != entries.get(index).band();
    }
}
