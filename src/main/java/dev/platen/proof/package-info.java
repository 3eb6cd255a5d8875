/**
 * Soft proofs: how the art will look on its stock, where the stock falls short, and on the product.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog", "color", "preflight", "render", "storage"})
package dev.platen.proof;

import org.springframework.modulith.ApplicationModule;
