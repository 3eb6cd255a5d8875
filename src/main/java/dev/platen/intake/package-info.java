/**
 * The order and artwork HTTP API: uploads, artwork fetched safely by URL, orders, idempotency keys and the verdict a shop gets back.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog", "delivery", "orders", "preflight", "proof", "routing", "rules", "storage", "web"})
package dev.platen.intake;

import org.springframework.modulith.ApplicationModule;
