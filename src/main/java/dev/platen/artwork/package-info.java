/**
 * Reads customer artwork: format by magic bytes, header inspection within limits checked before anything is decoded, and full decoding on a bounded worker.
 */
package dev.platen.artwork;
