/**
 * The object store: content-addressed (SHA-256) files written atomically, on local disk by default.
 */
package dev.platen.storage;
