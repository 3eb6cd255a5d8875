/**
 * The prepress operator's pages: the queue of placements waiting for a person, each placement with its numbers,
 * and the decisions taken on it.
 */
package dev.platen.review;
