/**
 * Colour management on LittleCMS 2: profiles, transforms, ink limits and colour differences.
 */
@ApplicationModule(allowedDependencies = {"storage"})
package dev.platen.color;

import org.springframework.modulith.ApplicationModule;
