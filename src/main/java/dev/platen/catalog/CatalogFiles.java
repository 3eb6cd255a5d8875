package dev.platen.catalog;

import dev.platen.color.ColorProfile;
import dev.platen.color.ColorSpace;
import dev.platen.color.InkLimit;
import dev.platen.color.InvalidProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the catalog files ({@link CatalogYaml} binds and checks each one by itself) and checks what no field says
 * alone: ids unique, every tier's stock known, tiers stepping down, profiles that open and are CMYK. Every problem is
 * reported as a {@link CatalogException} naming the file and the field as a path such as
 * {@code placements[0].tiers[1].minDpi}, because a shop editing YAML by hand needs to know exactly where it went wrong.
 */
final class CatalogFiles {

    /** The profile untagged CMYK art is taken to be in, unless a stock or the file says otherwise. */
    static final String DEFAULT_ASSUMED_CMYK_PROFILE = "platen-coated-v1.icc";
    private static final String CMYK_FOR_UNTAGGED_ART = "untagged CMYK art needs a CMYK profile";

    Map<String, Stock> readStocks(Path stocksFile) {
        StocksFile written = CatalogYaml.read(stocksFile, StocksFile.class);
        Map<String, Stock> stocks = new LinkedHashMap<>();
        for (int i = 0; i < written.stocks().size(); i++) {
            StocksFile.Entry entry = written.stocks().get(i);
            String at = "stocks[" + i + "]";
            if (stocks.containsKey(entry.id())) {
                throw new CatalogException(stocksFile.toString(), at + ".id", "duplicate stock id '" + entry.id() + "'");
            }
            stocks.put(entry.id(), stock(stocksFile, at, entry, written));
        }
        return stocks;
    }

    private record CmykProfile(Path path, String description, String sha256) {
    }

    private static Stock stock(Path stocksFile, String at, StocksFile.Entry entry, StocksFile written) {
        CmykProfile press = cmykProfile(stocksFile, at + ".profile", entry.profile(),
                "print stocks need a CMYK output profile");
        // paper is optional in the file but a string in the API: none is said as ""
        return new Stock(entry.id(), entry.name(), Objects.requireNonNullElse(entry.paper(), ""), press.path(),
                press.description(), press.sha256(),
                entry.intent(), entry.blackPointCompensation(), new InkLimit(entry.inkLimit()),
                Set.copyOf(entry.outputs()),
                entry.outputCondition() == null ? press.description() : entry.outputCondition(), entry.precision(),
                Objects.requireNonNullElse(entry.gamutClass(), ""), artPolicy(stocksFile, at, entry, written, press),
                registration(stocksFile.toString(), at, entry));
    }

    /**
     * The profile untagged CMYK art is assumed to be in: the stock's {@code assumedCmykProfile}, else the file's
     * top-level one, else the project's coated profile when it is beside stocks.yaml, else the stock's own profile
     * (a shop that replaced every bundled profile).
     */
    private static Stock.ArtPolicy artPolicy(Path stocksFile, String at, StocksFile.Entry entry, StocksFile written,
                                             CmykProfile press) {
        Path assumed;
        if (entry.assumedCmykProfile() != null) {
            assumed = cmykProfile(stocksFile, at + ".assumedCmykProfile", entry.assumedCmykProfile(),
                    CMYK_FOR_UNTAGGED_ART).path();
        } else if (written.assumedCmykProfile() != null) {
            assumed = cmykProfile(stocksFile, "assumedCmykProfile", written.assumedCmykProfile(),
                    CMYK_FOR_UNTAGGED_ART).path();
        } else if (Files.isRegularFile(folderOf(stocksFile).resolve(DEFAULT_ASSUMED_CMYK_PROFILE))) {
            assumed = cmykProfile(stocksFile, "assumedCmykProfile", DEFAULT_ASSUMED_CMYK_PROFILE,
                    CMYK_FOR_UNTAGGED_ART).path();
        } else {
            assumed = press.path();
        }
        return new Stock.ArtPolicy(assumed, entry.greyAs(), entry.spotColours());
    }

    /** A registered printing condition: identifier and registry come together, or not at all. */
    private static Stock.Registration registration(String file, String at, StocksFile.Entry entry) {
        String identifier = entry.outputConditionIdentifier();
        String registry = entry.registryName();
        if (identifier == null && registry == null) {
            return Stock.Registration.NONE;
        }
        if (identifier == null) {
            throw new CatalogException(file, at + ".outputConditionIdentifier",
                    "a registryName needs the condition's registered identifier (such as FOGRA39)");
        }
        if (registry == null) {
            throw new CatalogException(file, at + ".registryName", "'" + identifier
                    + "' needs the registry that defines it (such as http://www.color.org)");
        }
        return new Stock.Registration(identifier, registry);
    }

    /** The folder of stocks.yaml: a file's absolute path always has a parent (the root is no file). */
    private static Path folderOf(Path stocksFile) {
        return Objects.requireNonNull(stocksFile.toAbsolutePath().getParent(), "the folder of " + stocksFile);
    }

    /** A CMYK ICC profile in the stocks folder, opened once in LittleCMS to prove it usable. */
    private static CmykProfile cmykProfile(Path stocksFile, String at, String profileName, String need) {
        String file = stocksFile.toString();
        Path folder = folderOf(stocksFile);
        Path profilePath = folder.resolve(profileName).normalize();
        if (!profilePath.startsWith(folder)) {
            throw new CatalogException(file, at, "'" + profileName + "' must be a file in " + folder);
        }
        if (!Files.isRegularFile(profilePath)) {
            throw new CatalogException(file, at, "profile file '" + profileName + "' not found next to "
                    + stocksFile.getFileName());
        }
        try (ColorProfile profile = ColorProfile.fromFile(profilePath)) {
            if (profile.colorSpace() != ColorSpace.CMYK) {
                throw new CatalogException(file, at, "'" + profileName + "' is a " + profile.colorSpace()
                        + " profile; " + need);
            }
            return new CmykProfile(profilePath, profile.description(), profile.sha256());
        } catch (InvalidProfile e) {
            throw new CatalogException(file, at, "'" + profileName + "' is not a usable ICC profile: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new CatalogException(file, at, "cannot read '" + profileName + "': " + e.getMessage(), e);
        }
    }

    List<Product> readProducts(Path tiersDir, Map<String, Stock> stocks) {
        if (!Files.isDirectory(tiersDir)) {
            throw new CatalogException(tiersDir.toString(), "(folder)", "layout-tiers folder not found");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(tiersDir)) {
            files = listing.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new CatalogException(tiersDir.toString(), "(folder)", "cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new CatalogException(tiersDir.toString(), "(folder)", "holds no product files (*.yaml)");
        }
        List<Product> products = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Path path : files) {
            Product product = readProduct(path, stocks);
            String earlier = seen.putIfAbsent(product.id(), path.toString());
            if (earlier != null) {
                throw new CatalogException(path.toString(), "id", "duplicate product id '" + product.id()
                        + "', already defined in " + earlier);
            }
            products.add(product);
        }
        return products;
    }

    Product readProduct(Path path, Map<String, Stock> stocks) {
        String file = path.toString();
        ProductFile written = CatalogYaml.read(path, ProductFile.class);
        String expected = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!expected.equals(written.id())) {
            throw new CatalogException(file, "id", "product id '" + written.id() + "' must match the file name '"
                    + expected + "'");
        }
        List<Placement> placements = new ArrayList<>();
        Set<String> placementIds = new HashSet<>();
        for (int p = 0; p < written.placements().size(); p++) {
            ProductFile.PlacementEntry entry = written.placements().get(p);
            String at = "placements[" + p + "]";
            if (!placementIds.add(entry.id())) {
                throw new CatalogException(file, at + ".id", "duplicate placement id '" + entry.id() + "'");
            }
            placements.add(new Placement(entry.id(), entry.name() == null ? entry.id() : entry.name(),
                    tiers(file, at, entry.tiers(), stocks)));
        }
        return new Product(written.id(), written.name(), written.process(),
                written.bleed() == null ? 0 : written.bleed(), placements,
                Boolean.TRUE.equals(written.reviewDowngrades()), file, written.mockup());
    }

    private static List<LayoutTier> tiers(String file, String placementAt, List<ProductFile.TierEntry> written,
                                          Map<String, Stock> stocks) {
        List<LayoutTier> tiers = new ArrayList<>();
        Set<String> tierIds = new HashSet<>();
        for (int t = 0; t < written.size(); t++) {
            ProductFile.TierEntry entry = written.get(t);
            String at = placementAt + ".tiers[" + t + "]";
            if (!tierIds.add(entry.id())) {
                throw new CatalogException(file, at + ".id", "duplicate tier id '" + entry.id() + "'");
            }
            if (entry.minDpi() > entry.targetDpi()) {
                throw new CatalogException(file, at + ".minDpi", "minimum DPI " + entry.minDpi()
                        + " is above the target DPI " + entry.targetDpi());
            }
            if (!stocks.containsKey(entry.stock())) {
                throw new CatalogException(file, at + ".stock", "unknown stock '" + entry.stock()
                        + "' (known: " + String.join(", ", stocks.keySet()) + ")");
            }
            PrintArea area = entry.printArea();
            if (!tiers.isEmpty()) {
                LayoutTier before = tiers.get(tiers.size() - 1);
                // Tiers step down: each must fit inside the one before and be strictly smaller, or a
                // "downgrade" could print larger than what was asked for.
                if (!area.fitsWithin(before.printArea()) || area.areaSquareInches() >= before.printArea().areaSquareInches()) {
                    throw new CatalogException(file, at + ".printArea", "tier '" + entry.id() + "' (" + area
                            + ") is not smaller than the tier before it, '" + before.id() + "' (" + before.printArea()
                            + "); list tiers largest first");
                }
            }
            tiers.add(new LayoutTier(entry.id(), entry.name() == null ? entry.id() : entry.name(), area,
                    entry.position() == null ? new TierPosition(TierPosition.Anchor.TOP_CENTER, 0, 0)
                            : entry.position().position(),
                    entry.minDpi(), entry.targetDpi(), entry.stock(), entry.tested()));
        }
        return tiers;
    }
}
