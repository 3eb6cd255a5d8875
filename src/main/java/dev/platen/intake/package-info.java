/**
 * The order and artwork HTTP API: uploads, orders, idempotency keys and the verdict a shop gets back.
 */
package dev.platen.intake;
