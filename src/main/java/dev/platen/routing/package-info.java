/**
 * Chooses the layout tier a placement prints at; pure functions, no I/O.
 */
package dev.platen.routing;
