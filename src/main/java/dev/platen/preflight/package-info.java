/**
 * Measures artwork against a print size: effective DPI and the findings that go with it.
 */
package dev.platen.preflight;
