/**
 * The object store: content-addressed (SHA-256) files written atomically, on local disk by default.
 */
@ApplicationModule(allowedDependencies = {})
package dev.platen.storage;

import org.springframework.modulith.ApplicationModule;
