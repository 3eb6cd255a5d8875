/**
 * Chooses the layout tier a placement prints at and the proof lane it takes after its soft proof; pure
 * functions and values, no I/O.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog", "preflight"})
package dev.platen.routing;

import org.springframework.modulith.ApplicationModule;
