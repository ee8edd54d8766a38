/**
 * Planning poker: each team's deck, rounds of hidden votes on an item, the reveal with its statistics,
 * outliers asked for their reason (kept as risks), and the estimate the team agrees on.
 */
@ApplicationModule(displayName = "Estimation", allowedDependencies = { "backlog", "identity", "shared" })
package dev.refinery.estimation;

import org.springframework.modulith.ApplicationModule;
