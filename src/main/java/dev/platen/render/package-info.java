/**
 * Print-ready files: the art placed on the tier's canvas, written as PDF/X-4 and CMYK TIFF with provenance.
 */
package dev.platen.render;
