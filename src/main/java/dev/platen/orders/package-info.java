/**
 * The order book: orders, their placements, and the status each one has reached.
 */
package dev.platen.orders;
