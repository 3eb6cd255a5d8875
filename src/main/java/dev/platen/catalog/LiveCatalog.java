package dev.platen.catalog;

/**
 * The catalog new orders are taken on and shown to shops: the live rule set's, which can change while the engine
 * runs (a placement keeps the catalog of the rule set it runs under).
 */
@FunctionalInterface
public interface LiveCatalog {

    Catalog current();
}
