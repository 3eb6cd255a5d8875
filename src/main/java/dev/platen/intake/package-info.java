/**
 * The order and artwork HTTP API: uploads, artwork fetched safely by URL, orders, idempotency keys and the verdict a shop gets back.
 */
package dev.platen.intake;
