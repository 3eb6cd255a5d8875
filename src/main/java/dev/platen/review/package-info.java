/**
 * The prepress operator's pages: the queue of placements waiting for a person, each placement with its numbers,
 * and the decisions taken on it.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog", "orders", "routing", "rules", "storage", "web", "workflow"})
package dev.platen.review;

import org.springframework.modulith.ApplicationModule;
