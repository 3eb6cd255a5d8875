/**
 * The order book: orders, their placements, and the status each one has reached.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog", "color", "preflight", "proof", "render", "routing", "rules", "storage"})
package dev.platen.orders;

import org.springframework.modulith.ApplicationModule;
