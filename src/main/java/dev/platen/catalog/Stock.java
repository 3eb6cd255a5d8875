package dev.platen.catalog;

/**
 * A material a tier prints on (coated paper, white cotton, a polymer-coated mug), and how the press sees it.
 *
 * @param paper a description of the substrate for people
 */
public record Stock(String id, String name, String paper) {
}
