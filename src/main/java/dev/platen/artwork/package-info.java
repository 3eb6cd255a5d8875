/**
 * Reads customer artwork: format by magic bytes, header inspection within limits, and full decoding.
 */
package dev.platen.artwork;
