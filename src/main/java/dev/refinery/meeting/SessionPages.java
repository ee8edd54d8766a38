package dev.refinery.meeting;

import java.util.List;

import dev.refinery.backlog.ItemView;
import dev.refinery.backlog.Workstream;
import dev.refinery.shared.FieldErrors;

/** The read models of the session pages. */
public final class SessionPages {

    private SessionPages() {
    }

    public record ListPage(String team, String teamName, List<RefinementSession> sessions, List<Workstream> workstreams,
            SessionPlan plan, FieldErrors errors, boolean canPlan, MeetingDefaults defaults, boolean canSetDefaults) {
    }

    public record SummaryPage(String team, SessionSummary summary) {

        public String url() {
            return "/teams/" + team + "/sessions/" + summary.session().id();
        }
    }

    public record SessionPage(String team, String teamName, Agenda agenda, List<ItemView> suggestions, boolean canEdit,
            boolean hidesEstimates, FieldErrors errors, String itemKey, List<ItemView> found) {

        public String url() {
            return "/teams/" + team + "/sessions/" + agenda.session().id();
        }
    }
}
