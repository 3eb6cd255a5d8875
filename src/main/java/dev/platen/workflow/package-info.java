/**
 * The only package that knows Camunda: the order-prepress process and its thin delegates.
 */
@ApplicationModule(allowedDependencies = {"artwork", "delivery", "orders", "proof", "render", "routing", "rules"})
package dev.platen.workflow;

import org.springframework.modulith.ApplicationModule;
