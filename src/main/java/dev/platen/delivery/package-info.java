/**
 * Partner delivery: the pull API with leases, manifests and verified downloads, signed links, and signed webhooks.
 */
@ApplicationModule(allowedDependencies = {"catalog", "color", "orders", "routing", "rules", "storage", "web"})
package dev.platen.delivery;

import org.springframework.modulith.ApplicationModule;
