/**
 * Chooses the layout tier a placement prints at and the proof lane it takes after its soft proof; pure
 * functions and values, no I/O.
 */
package dev.platen.routing;
