/**
 * The order book: orders, their placements, and the status each one has reached.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog", "preflight", "proof", "render", "routing", "rules"})
package dev.platen.orders;

import org.springframework.modulith.ApplicationModule;
