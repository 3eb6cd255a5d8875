/**
 * Soft proofs: how the art will look on its stock, where the stock falls short, and on the product.
 */
package dev.platen.proof;
