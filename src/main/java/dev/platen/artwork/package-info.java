/**
 * Reads customer artwork: format by magic bytes, header inspection within limits checked before anything is decoded, and full decoding on a bounded worker.
 */
@ApplicationModule(allowedDependencies = {"color", "storage"})
package dev.platen.artwork;

import org.springframework.modulith.ApplicationModule;
