/**
 * Rule sets: the versioned, content-addressed bundles of lane table, layout tiers, stocks and quality thresholds that
 * decide placements, with replay, shadow, canary, guardrails and automatic rollback.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog", "color", "preflight", "routing", "storage", "web"})
package dev.platen.rules;

import org.springframework.modulith.ApplicationModule;
