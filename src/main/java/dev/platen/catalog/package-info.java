/**
 * Products, placements, layout tiers and stocks, loaded from layout-tiers/ and icc-profiles/ and validated at start.
 */
@ApplicationModule(allowedDependencies = {"color"})
package dev.platen.catalog;

import org.springframework.modulith.ApplicationModule;
