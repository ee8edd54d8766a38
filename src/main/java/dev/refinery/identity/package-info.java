/**
 * Who people are and what they may do: accounts, sign-in, teams, memberships and their roles.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package dev.refinery.identity;

import org.springframework.modulith.ApplicationModule;
