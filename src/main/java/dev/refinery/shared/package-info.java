/**
 * The few value types and web helpers that every module really shares: the page chrome, field errors,
 * the problems that the API and the pages report, and files to download.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package dev.refinery.shared;

import org.springframework.modulith.ApplicationModule;
