/**
 * The backlog: workstreams, items written to the refinement template, the team's custom fields and
 * Definition of Ready, and the history of every change.
 */
@ApplicationModule(displayName = "Backlog", allowedDependencies = { "identity", "shared" })
package dev.refinery.backlog;

import org.springframework.modulith.ApplicationModule;
