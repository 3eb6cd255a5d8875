/**
 * Measures artwork against a print size: effective DPI and the findings that go with it, and the quality checks
 * ({@link dev.platen.preflight.QualityChecks}) that say, with a stable code and a measured number, whether the art
 * will print soft, blocky, fringed, with wasted border or in the wrong shape for its area.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog"})
package dev.platen.preflight;

import org.springframework.modulith.ApplicationModule;
