/**
 * Refinement sessions: the agenda prepared before the meeting, with time boxes, readiness warnings and
 * pre-votes; the live walk-through, outcomes and the summary build on it.
 */
@ApplicationModule(displayName = "Meeting", allowedDependencies = { "backlog", "estimation", "prioritization", "identity", "shared" })
package dev.refinery.meeting;

import org.springframework.modulith.ApplicationModule;
