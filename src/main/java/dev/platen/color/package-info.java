/**
 * Colour management on LittleCMS 2: profiles, transforms, ink limits and colour differences.
 */
package dev.platen.color;
