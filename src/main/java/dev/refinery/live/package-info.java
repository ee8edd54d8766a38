/**
 * Live rooms: the Server-Sent Event streams of the pages that change while people look at them, and who is
 * present in each.
 */
@ApplicationModule(displayName = "Live", allowedDependencies = { "identity", "shared" })
package dev.refinery.live;

import org.springframework.modulith.ApplicationModule;
