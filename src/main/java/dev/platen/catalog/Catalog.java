package dev.platen.catalog;

import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Platen can print: products with their placements and tested tiers, and the stocks they print on.
 * Built once at start from validated files; immutable afterwards.
 */
public final class Catalog {

    private final Map<String, Product> products;
    private final Map<String, Stock> stocks;

    Catalog(List<Product> products, Map<String, Stock> stocks) {
        this.products = products.stream().collect(java.util.stream.Collectors.toMap(
                Product::id, p -> p, (a, b) -> a, java.util.LinkedHashMap::new));
        this.stocks = Map.copyOf(stocks);
    }

    /** Loads and validates the catalog; a bad file throws {@link CatalogException} naming file and field. */
    public static Catalog load(CatalogLocations locations) {
        CatalogFiles files = new CatalogFiles();
        Map<String, Stock> stocks = files.readStocks(locations.stocks());
        return new Catalog(files.readProducts(locations.layoutTiers(), stocks), stocks);
    }

    public Collection<Product> products() {
        return products.values();
    }

    public Optional<Product> product(@Nullable String id) {
        return Optional.ofNullable(id).map(products::get);
    }

    public Collection<Stock> stocks() {
        return stocks.values().stream().sorted(java.util.Comparator.comparing(Stock::id)).toList();
    }

    public Optional<Stock> stock(@Nullable String id) {
        return Optional.ofNullable(id).map(stocks::get);
    }
}
