/**
 * Rule sets: the versioned, content-addressed bundles of lane table, layout tiers, stocks and quality thresholds that
 * decide placements, with replay, shadow, canary, guardrails and automatic rollback.
 */
package dev.platen.rules;
