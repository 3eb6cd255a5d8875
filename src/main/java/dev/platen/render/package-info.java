/**
 * Print-ready files: the art placed on the tier's canvas, written as PDF/X-4 and CMYK TIFF with provenance.
 */
@ApplicationModule(allowedDependencies = {"artwork", "catalog", "color", "storage"})
package dev.platen.render;

import org.springframework.modulith.ApplicationModule;
