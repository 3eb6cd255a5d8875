package dev.platen.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorSpace;
import dev.platen.color.InkLimit;
import dev.platen.color.InvalidProfile;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates the catalog files. Every problem is reported as a {@link CatalogException} naming the
 * file and the field (as a path such as {@code placements[0].tiers[1].minDpi}), because a shop editing YAML by
 * hand needs to know exactly where it went wrong.
 */
final class CatalogFiles {

    private static final Pattern SIZE = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]+)?|-[0-9]+(?:\\.[0-9]+)?)\\s*[xX×]\\s*([0-9]+(?:\\.[0-9]+)?|-[0-9]+(?:\\.[0-9]+)?)\\s*(in|mm)\\s*");
    private static final Pattern LENGTH = Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*(in|mm)\\s*");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    Map<String, Stock> readStocks(Path stocksFile) {
        String file = stocksFile.toString();
        JsonNode root = parse(stocksFile);
        JsonNode list = root.path("stocks");
        if (!list.isArray() || list.isEmpty()) {
            throw new CatalogException(file, "stocks", "must be a non-empty list");
        }
        Map<String, Stock> stocks = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String at = "stocks[" + i + "]";
            String id = id(file, at + ".id", node.path("id"));
            if (stocks.containsKey(id)) {
                throw new CatalogException(file, at + ".id", "duplicate stock id '" + id + "'");
            }
            stocks.put(id, readStock(stocksFile, at, id, node, root));
        }
        return stocks;
    }

    /** The profile untagged CMYK art is taken to be in, unless a stock or the file says otherwise. */
    static final String DEFAULT_ASSUMED_CMYK_PROFILE = "platen-coated-v1.icc";

    private record CmykProfile(Path path, String description, String sha256) {
    }

    private Stock readStock(Path stocksFile, String at, String id, JsonNode node, JsonNode root) {
        String file = stocksFile.toString();
        CmykProfile press = cmykProfile(stocksFile, at + ".profile", text(file, at + ".profile", node.path("profile")),
                "print stocks need a CMYK output profile");
        Path profilePath = press.path();
        String description = press.description();
        String sha256 = press.sha256();
        String space = optionalText(node.path("colorSpace"));
        if (space != null && !space.equalsIgnoreCase("CMYK")) {
            throw new CatalogException(file, at + ".colorSpace", "'" + space
                    + "': print files are CMYK; the stock's profile must be a CMYK output profile");
        }
        RenderingIntent intent = intent(file, at + ".intent", node.path("intent"));
        JsonNode bpc = node.path("blackPointCompensation");
        if (!bpc.isBoolean()) {
            throw new CatalogException(file, at + ".blackPointCompensation", "must be true or false");
        }
        JsonNode tac = node.path("inkLimit");
        if (!tac.isNumber() || tac.asDouble() <= 0 || tac.asDouble() > 400) {
            throw new CatalogException(file, at + ".inkLimit", "total area coverage in percent, above 0 and at most 400");
        }
        JsonNode outputsNode = node.path("outputs");
        if (!outputsNode.isArray() || outputsNode.isEmpty()) {
            throw new CatalogException(file, at + ".outputs", "list at least one of pdfx4, tiff");
        }
        Set<PrintFileFormat> outputs = new java.util.LinkedHashSet<>();
        for (int o = 0; o < outputsNode.size(); o++) {
            String name = outputsNode.get(o).asText();
            outputs.add(PrintFileFormat.parse(name).orElseThrow(() -> new CatalogException(file, at + ".outputs",
                    "unknown output '" + name + "' (known: pdfx4, tiff)")));
        }
        String condition = optionalText(node.path("outputCondition"));
        return new Stock(id, text(file, at + ".name", node.path("name")), optionalText(node.path("paper")),
                profilePath, description, sha256, intent, bpc.asBoolean(), new InkLimit(tac.asDouble()), outputs,
                condition == null ? description : condition, precision(file, at + ".precision", node.path("precision")),
                gamutClass(file, at + ".gamutClass", node.path("gamutClass")),
                artPolicy(stocksFile, at, node, root), registration(file, at, node));
    }

    /**
     * The profile untagged CMYK art is assumed to be in: the stock's {@code assumedCmykProfile}, else the file's
     * top-level one, else the project's coated profile when it is beside stocks.yaml, else the stock's own profile
     * (a shop that replaced every bundled profile).
     */
    private Stock.ArtPolicy artPolicy(Path stocksFile, String at, JsonNode node, JsonNode root) {
        String file = stocksFile.toString();
        Path assumed;
        String own = optionalText(node.path("assumedCmykProfile"));
        String shared = optionalText(root.path("assumedCmykProfile"));
        if (own != null) {
            assumed = cmykProfile(stocksFile, at + ".assumedCmykProfile", own, "untagged CMYK art needs a CMYK profile")
                    .path();
        } else if (shared != null) {
            assumed = cmykProfile(stocksFile, "assumedCmykProfile", shared, "untagged CMYK art needs a CMYK profile")
                    .path();
        } else {
            Path bundled = stocksFile.toAbsolutePath().getParent().resolve(DEFAULT_ASSUMED_CMYK_PROFILE);
            assumed = Files.isRegularFile(bundled)
                    ? cmykProfile(stocksFile, "assumedCmykProfile", DEFAULT_ASSUMED_CMYK_PROFILE,
                    "untagged CMYK art needs a CMYK profile").path()
                    : stocksFile.toAbsolutePath().getParent().resolve(text(file, at + ".profile", node.path("profile")))
                    .normalize();
        }
        Stock.GreyAs greyAs = switch (lower(optionalText(node.path("greyAs")))) {
            case "", "k", "black" -> Stock.GreyAs.K;
            case "process" -> Stock.GreyAs.PROCESS;
            default -> throw new CatalogException(file, at + ".greyAs", "'" + node.path("greyAs").asText()
                    + "' is not a way to print grey (k, process)");
        };
        Stock.SpotColours spots = switch (lower(optionalText(node.path("spotColours")))) {
            case "", "keep" -> Stock.SpotColours.KEEP;
            case "convert" -> Stock.SpotColours.CONVERT;
            default -> throw new CatalogException(file, at + ".spotColours", "'" + node.path("spotColours").asText()
                    + "' is not a way to handle spot colours (keep, convert)");
        };
        return new Stock.ArtPolicy(assumed, greyAs, spots);
    }

    /** A registered printing condition: identifier and registry come together, or not at all. */
    private static Stock.Registration registration(String file, String at, JsonNode node) {
        String identifier = optionalText(node.path("outputConditionIdentifier"));
        String registry = optionalText(node.path("registryName"));
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
        if (!registry.matches("(?i)https?://\\S+")) {
            throw new CatalogException(file, at + ".registryName", "'" + registry + "' is not a registry URL");
        }
        return new Stock.Registration(identifier, registry);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
    }

    /** A CMYK ICC profile in the stocks folder, opened once in LittleCMS to prove it usable. */
    private static CmykProfile cmykProfile(Path stocksFile, String at, String profileName, String need) {
        String file = stocksFile.toString();
        Path folder = stocksFile.toAbsolutePath().getParent();
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

    /**
     * The stock's class for the proof-lane table: optional (a stock without one is reviewed, never approved by
     * default), and a plain lower-case token when given, since the table matches it as a string.
     */
    private static String gamutClass(String file, String at, JsonNode node) {
        String text = optionalText(node);
        if (text != null && !text.matches("[a-z0-9][a-z0-9-]*")) {
            throw new CatalogException(file, at, "'" + text + "' is not a gamut class (lower-case letters, digits and "
                    + "hyphens, e.g. coated-paper, garment)");
        }
        return text;
    }

    /** {@code exact} (the default) or {@code fast}: lcms's high-resolution precalculated grid. */
    private static Precision precision(String file, String at, JsonNode node) {
        String text = optionalText(node);
        if (text == null || text.equalsIgnoreCase("exact")) {
            return Precision.EXACT;
        }
        if (text.equalsIgnoreCase("fast")) {
            return Precision.PRECALCULATED_HIGH_RES;
        }
        throw new CatalogException(file, at, "'" + text + "' is not a precision (exact, fast)");
    }

    private static RenderingIntent intent(String file, String at, JsonNode node) {
        String text = text(file, at, node);
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "perceptual" -> RenderingIntent.PERCEPTUAL;
            case "relative", "relative-colorimetric" -> RenderingIntent.RELATIVE_COLORIMETRIC;
            case "saturation" -> RenderingIntent.SATURATION;
            case "absolute", "absolute-colorimetric" -> RenderingIntent.ABSOLUTE_COLORIMETRIC;
            default -> throw new CatalogException(file, at, "'" + text
                    + "' is not a rendering intent (perceptual, relative-colorimetric, saturation, absolute-colorimetric)");
        };
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
        JsonNode root = parse(path);
        String id = id(file, "id", root.path("id"));
        String expected = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!expected.equals(id)) {
            throw new CatalogException(file, "id", "product id '" + id + "' must match the file name '" + expected + "'");
        }
        double bleed = root.has("bleed") ? inches(file, "bleed", root.path("bleed"), true) : 0;
        JsonNode placementsNode = root.path("placements");
        if (!placementsNode.isArray() || placementsNode.isEmpty()) {
            throw new CatalogException(file, "placements", "must be a non-empty list");
        }
        List<Placement> placements = new ArrayList<>();
        Set<String> placementIds = new HashSet<>();
        for (int p = 0; p < placementsNode.size(); p++) {
            JsonNode pn = placementsNode.get(p);
            String at = "placements[" + p + "]";
            String pid = id(file, at + ".id", pn.path("id"));
            if (!placementIds.add(pid)) {
                throw new CatalogException(file, at + ".id", "duplicate placement id '" + pid + "'");
            }
            placements.add(new Placement(pid, optionalText(pn.path("name")) == null ? pid : pn.path("name").asText(),
                    readTiers(file, at, pn.path("tiers"), stocks)));
        }
        JsonNode review = root.path("reviewDowngrades");
        if (!review.isMissingNode() && !review.isBoolean()) {
            throw new CatalogException(file, "reviewDowngrades", "must be true or false");
        }
        MockupShape mockup = null;
        if (!root.path("mockup").isMissingNode()) {
            String named = root.path("mockup").asText("");
            mockup = MockupShape.named(named).orElseThrow(() -> new CatalogException(file, "mockup",
                    "'" + named + "' is not a mockup (garment, mug, sticker, sheet, panel)"));
        }
        return new Product(id, text(file, "name", root.path("name")), text(file, "process", root.path("process")),
                bleed, placements, review.asBoolean(false), file, mockup);
    }

    private List<LayoutTier> readTiers(String file, String placementAt, JsonNode tiersNode, Map<String, Stock> stocks) {
        if (!tiersNode.isArray() || tiersNode.isEmpty()) {
            throw new CatalogException(file, placementAt + ".tiers", "must be a non-empty list, largest tier first");
        }
        List<LayoutTier> tiers = new ArrayList<>();
        Set<String> tierIds = new HashSet<>();
        for (int t = 0; t < tiersNode.size(); t++) {
            JsonNode tn = tiersNode.get(t);
            String at = placementAt + ".tiers[" + t + "]";
            String tid = id(file, at + ".id", tn.path("id"));
            if (!tierIds.add(tid)) {
                throw new CatalogException(file, at + ".id", "duplicate tier id '" + tid + "'");
            }
            PrintArea area = printArea(file, at + ".printArea", tn.path("printArea"));
            int minDpi = positiveInt(file, at + ".minDpi", tn.path("minDpi"));
            int targetDpi = positiveInt(file, at + ".targetDpi", tn.path("targetDpi"));
            if (minDpi > targetDpi) {
                throw new CatalogException(file, at + ".minDpi", "minimum DPI " + minDpi
                        + " is above the target DPI " + targetDpi);
            }
            String stock = text(file, at + ".stock", tn.path("stock"));
            if (!stocks.containsKey(stock)) {
                throw new CatalogException(file, at + ".stock", "unknown stock '" + stock
                        + "' (known: " + String.join(", ", stocks.keySet()) + ")");
            }
            if (!tiers.isEmpty()) {
                LayoutTier before = tiers.get(tiers.size() - 1);
                // Tiers step down: each must fit inside the one before and be strictly smaller, or a
                // "downgrade" could print larger than what was asked for.
                if (!area.fitsWithin(before.printArea()) || area.areaSquareInches() >= before.printArea().areaSquareInches()) {
                    throw new CatalogException(file, at + ".printArea", "tier '" + tid + "' (" + area
                            + ") is not smaller than the tier before it, '" + before.id() + "' (" + before.printArea()
                            + "); list tiers largest first");
                }
            }
            tiers.add(new LayoutTier(tid, optionalText(tn.path("name")) == null ? tid : tn.path("name").asText(),
                    area, position(file, at + ".position", tn.path("position")), minDpi, targetDpi, stock,
                    optionalText(tn.path("tested"))));
        }
        return tiers;
    }

    private TierPosition position(String file, String at, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return new TierPosition(TierPosition.Anchor.TOP_CENTER, 0, 0);
        }
        if (!node.isObject()) {
            throw new CatalogException(file, at, "must be a map with anchor, x and y");
        }
        TierPosition.Anchor anchor;
        try {
            anchor = TierPosition.Anchor.parse(text(file, at + ".anchor", node.path("anchor")));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(file, at + ".anchor", e.getMessage());
        }
        double x = node.has("x") ? inches(file, at + ".x", node.path("x"), false) : 0;
        double y = node.has("y") ? inches(file, at + ".y", node.path("y"), true) : 0;
        return new TierPosition(anchor, x, y);
    }

    private PrintArea printArea(String file, String at, JsonNode node) {
        String text = text(file, at, node);
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new CatalogException(file, at, "must read like '12 x 16 in' or '305 x 406 mm', not '" + text + "'");
        }
        BigDecimal w = new BigDecimal(m.group(1));
        BigDecimal h = new BigDecimal(m.group(2));
        if (w.signum() <= 0 || h.signum() <= 0) {
            throw new CatalogException(file, at, "width and height must be positive, not '" + text + "'");
        }
        return new PrintArea(w, h, LengthUnit.valueOf(m.group(3).toUpperCase(java.util.Locale.ROOT)));
    }

    private double inches(String file, String at, JsonNode node, boolean nonNegative) {
        String text = text(file, at, node);
        Matcher m = LENGTH.matcher(text);
        if (!m.matches()) {
            throw new CatalogException(file, at, "must read like '0.125 in' or '3 mm', not '" + text + "'");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (nonNegative && value.signum() < 0) {
            throw new CatalogException(file, at, "must not be negative");
        }
        LengthUnit unit = LengthUnit.valueOf(m.group(2).toUpperCase(java.util.Locale.ROOT));
        return value.divide(unit.perInch(), java.math.MathContext.DECIMAL64).doubleValue();
    }

    private JsonNode parse(Path path) {
        try {
            JsonNode root = yaml.readTree(path.toFile());
            if (root == null || !root.isObject()) {
                throw new CatalogException(path.toString(), "(document)", "must be a YAML map");
            }
            return root;
        } catch (IOException e) {
            throw new CatalogException(path.toString(), "(document)", "cannot be read as YAML: " + e.getMessage(), e);
        }
    }

    private static String id(String file, String at, JsonNode node) {
        String id = text(file, at, node);
        if (!ID.matcher(id).matches()) {
            throw new CatalogException(file, at, "'" + id + "' is not a valid id (lower-case letters, digits and '-')");
        }
        return id;
    }

    private static String text(String file, String at, JsonNode node) {
        if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
            throw new CatalogException(file, at, "is required");
        }
        if (!node.isValueNode()) {
            throw new CatalogException(file, at, "must be a single value");
        }
        return node.asText().trim();
    }

    private static String optionalText(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asText().isBlank() ? null : node.asText().trim();
    }

    private static int positiveInt(String file, String at, JsonNode node) {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new CatalogException(file, at, "must be a whole number");
        }
        int value = node.asInt();
        if (value <= 0) {
            throw new CatalogException(file, at, "must be positive, not " + value);
        }
        return value;
    }
}
