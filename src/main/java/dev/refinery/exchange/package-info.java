/**
 * Import and export: items from CSV, Jira CSV and GitHub issues (all or nothing, in the background, with
 * progress), the ranked queue and session summaries for other tools, and a team's backup and restore.
 */
@ApplicationModule(displayName = "Exchange",
        allowedDependencies = { "backlog", "prioritization", "estimation", "meeting", "identity", "shared" })
package dev.refinery.exchange;

import org.springframework.modulith.ApplicationModule;
