/**
 * The priority queue: each team's scoring model, the score of every item explained term by term, deadlines
 * raising urgency, pins that override the score, and the value/effort matrix.
 */
@ApplicationModule(displayName = "Prioritization", allowedDependencies = { "backlog", "identity", "shared" })
package dev.refinery.prioritization;

import org.springframework.modulith.ApplicationModule;
