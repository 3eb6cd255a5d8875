/**
 * Products, placements, layout tiers and stocks, loaded from layout-tiers/ and icc-profiles/ and validated at start.
 */
package dev.platen.catalog;
