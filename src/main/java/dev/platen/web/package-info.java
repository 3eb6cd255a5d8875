/**
 * The engine's HTTP edge that every module shares: the OpenAPI document, problem responses, the request-shape check,
 * the sign-in throttle, the bounds on slow clients, and the protection of the engine room (Camunda's REST API and
 * Actuator).
 */
@ApplicationModule(allowedDependencies = {"storage"})
package dev.platen.web;

import org.springframework.modulith.ApplicationModule;
