/**
 * Partner delivery: the pull API with leases, manifests and verified downloads, signed links, and signed webhooks.
 */
package dev.platen.delivery;
