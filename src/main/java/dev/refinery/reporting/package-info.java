/**
 * Reports on what teams delivered and forecasts of what they will: velocity per iteration, a Monte Carlo forecast
 * of the queue with deadline risks, estimate against actual effort, and refinement health.
 */
@ApplicationModule(displayName = "Reporting",
        allowedDependencies = { "backlog", "prioritization", "meeting", "identity", "shared" })
package dev.refinery.reporting;

import org.springframework.modulith.ApplicationModule;
