package dev.platen.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFilesTest {

    private static final String STOCKS = """
            stocks:
              - id: coated-gloss
                name: Coated gloss
                profile: press.icc
                intent: relative-colorimetric
                blackPointCompensation: true
                inkLimit: 330
                outputs: [pdfx4, tiff]
            """;

    private static final String GOOD_TIER = """
                  - id: big
                    printArea: 12 x 16 in
                    minDpi: 150
                    targetDpi: 300
                    stock: coated-gloss
            """;

    @TempDir
    Path dir;

    private Catalog load(String productFile, String productYaml) throws IOException {
        Path tiers = Files.createDirectories(dir.resolve("layout-tiers"));
        Files.writeString(tiers.resolve(productFile), productYaml);
        return Catalog.load(new CatalogLocations(tiers, stocks(STOCKS)));
    }

    /** A stocks file beside a copy of the project's own coated profile, named press.icc. */
    private Path stocks(String yaml) throws IOException {
        Path stocks = dir.resolve("stocks.yaml");
        Files.writeString(stocks, yaml);
        Files.copy(BUNDLED_PROFILE, dir.resolve("press.icc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return stocks;
    }

    private static final Path BUNDLED_PROFILE = Path.of("icc-profiles/platen-coated-v1.icc");

    private Catalog loadStocks(String yaml) throws IOException {
        Path tiers = Files.createDirectories(dir.resolve("layout-tiers"));
        Files.writeString(tiers.resolve("poster.yaml"), product(GOOD_TIER));
        return Catalog.load(new CatalogLocations(tiers, stocks(yaml)));
    }

    private static String product(String tiers) {
        return """
                id: poster
                name: Poster
                process: offset
                placements:
                  - id: face
                    tiers:
                """ + tiers;
    }

    @Test
    void theBundledCatalogLoadsWithTheProductsShopsOrder() {
        Catalog catalog = Catalog.load(new CatalogLocations(Path.of("layout-tiers"), Path.of("icc-profiles/stocks.yaml")));
        assertThat(catalog.products()).extracting(Product::id).contains("tshirt", "poster", "mug", "sticker");
        Product tshirt = catalog.product("tshirt").orElseThrow();
        assertThat(tshirt.placements()).extracting(Placement::id).containsExactly("front", "back");
        assertThat(tshirt.placement("front").orElseThrow().tiers()).extracting(LayoutTier::id)
                .containsExactly("full-front", "centred", "centred-mini", "left-chest");
        assertThat(catalog.product("poster").orElseThrow().bleedInches()).isEqualTo(0.125);
        LayoutTier sticker = catalog.product("sticker").orElseThrow().placements().get(0).largestTier();
        assertThat(sticker.printArea().widthInches()).isEqualByComparingTo("4");
    }

    @Test
    void aValidFileLoads() throws IOException {
        Catalog catalog = load("poster.yaml", product(GOOD_TIER));
        LayoutTier tier = catalog.product("poster").orElseThrow().placement("face").orElseThrow().largestTier();
        assertThat(tier.printArea()).isEqualTo(PrintArea.inches(12, 16).getClass().cast(tier.printArea()));
        assertThat(tier.printArea().widthInches()).isEqualByComparingTo("12");
        assertThat(tier.minDpi()).isEqualTo(150);
    }

    @Test
    void theMockupIsWhatTheFileSaysOrNothing() throws IOException {
        assertThat(load("poster.yaml", product(GOOD_TIER)).product("poster").orElseThrow().mockup()).isNull();
        assertThat(load("poster.yaml", product(GOOD_TIER).replace("process: offset", "process: offset\nmockup: sheet"))
                .product("poster").orElseThrow().mockup()).isEqualTo(MockupShape.SHEET);
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER).replace("process: offset",
                "process: offset\nmockup: hoodie")))
                .isInstanceOf(CatalogException.class).hasMessageContaining("mockup")
                .hasMessageContaining("'hoodie' is not a mockup");
    }

    @Test
    void anUnknownStockNamesFileAndField() {
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("stock: coated-gloss", "stock: vinyl"))))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("poster.yaml")
                .hasMessageContaining("placements[0].tiers[0].stock")
                .hasMessageContaining("unknown stock 'vinyl'");
    }

    @Test
    void aTierLargerThanTheOneBeforeIsRefused() {
        String tiers = GOOD_TIER + GOOD_TIER.replace("id: big", "id: bigger").replace("12 x 16 in", "18 x 24 in");
        assertThatThrownBy(() -> load("poster.yaml", product(tiers)))
                .hasMessageContaining("placements[0].tiers[1].printArea")
                .hasMessageContaining("not smaller than the tier before it");
    }

    @Test
    void aTierWiderThoughSmallerInAreaIsRefused() {
        // 13 x 4 in is a smaller area than 12 x 16 but does not fit inside it
        String tiers = GOOD_TIER + GOOD_TIER.replace("id: big", "id: strip").replace("12 x 16 in", "13 x 4 in");
        assertThatThrownBy(() -> load("poster.yaml", product(tiers)))
                .hasMessageContaining("placements[0].tiers[1].printArea");
    }

    @Test
    void aNonPositiveSizeIsRefused() {
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("12 x 16 in", "0 x 16 in"))))
                .hasMessageContaining("placements[0].tiers[0].printArea")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("12 x 16 in", "-12 x 16 in"))))
                .hasMessageContaining("placements[0].tiers[0].printArea");
    }

    @Test
    void aSizeWithoutAUnitIsRefused() {
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("12 x 16 in", "12 x 16"))))
                .hasMessageContaining("placements[0].tiers[0].printArea")
                .hasMessageContaining("'12 x 16 in'");
    }

    @Test
    void duplicateTierIdsAreRefused() {
        String tiers = GOOD_TIER + GOOD_TIER.replace("12 x 16 in", "10 x 10 in");
        assertThatThrownBy(() -> load("poster.yaml", product(tiers)))
                .hasMessageContaining("placements[0].tiers[1].id")
                .hasMessageContaining("duplicate tier id 'big'");
    }

    @Test
    void duplicatePlacementIdsAreRefused() {
        String yaml = product(GOOD_TIER) + """
                  - id: face
                    tiers:
                """ + GOOD_TIER;
        assertThatThrownBy(() -> load("poster.yaml", yaml)).hasMessageContaining("placements[1].id")
                .hasMessageContaining("duplicate placement id 'face'");
    }

    @Test
    void duplicateProductIdsAcrossFilesAreRefused() throws IOException {
        Path tiers = Files.createDirectories(dir.resolve("layout-tiers"));
        Files.writeString(tiers.resolve("poster.yaml"), product(GOOD_TIER));
        Files.writeString(tiers.resolve("poster.yml"), product(GOOD_TIER));
        Path stocks = stocks(STOCKS);
        assertThatThrownBy(() -> Catalog.load(new CatalogLocations(tiers, stocks)))
                .hasMessageContaining("duplicate product id 'poster'");
    }

    @Test
    void minimumAboveTargetDpiIsRefused() {
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("minDpi: 150", "minDpi: 400"))))
                .hasMessageContaining("placements[0].tiers[0].minDpi")
                .hasMessageContaining("above the target DPI 300");
    }

    @Test
    void aProductIdMustMatchItsFileName() {
        assertThatThrownBy(() -> load("banner.yaml", product(GOOD_TIER)))
                .hasMessageContaining("banner.yaml: id:");
    }

    @Test
    void brokenYamlNamesTheFile() {
        assertThatThrownBy(() -> load("poster.yaml", "id: [unclosed"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("poster.yaml");
    }

    @Test
    void aStockCarriesItsProfileAndPressSettings() throws IOException {
        Stock stock = loadStocks(STOCKS).stock("coated-gloss").orElseThrow();
        assertThat(stock.profile().getFileName().toString()).isEqualTo("press.icc");
        assertThat(stock.profileDescription()).isNotBlank();
        assertThat(stock.profileSha256()).hasSize(64);
        assertThat(stock.intent()).isEqualTo(dev.platen.color.RenderingIntent.RELATIVE_COLORIMETRIC);
        assertThat(stock.blackPointCompensation()).isTrue();
        assertThat(stock.inkLimit().percent()).isEqualTo(330);
        assertThat(stock.outputs()).containsExactlyInAnyOrder(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF);
        assertThat(stock.precision()).isEqualTo(dev.platen.color.Precision.EXACT);
    }

    @Test
    void aStockMayAskForTheFastPrecalculatedSeparation() throws IOException {
        Stock fast = loadStocks(STOCKS + "    precision: fast\n").stock("coated-gloss").orElseThrow();
        assertThat(fast.precision()).isEqualTo(dev.platen.color.Precision.PRECALCULATED_HIGH_RES);
        assertThatThrownBy(() -> loadStocks(STOCKS + "    precision: sloppy\n"))
                .hasMessageContaining("stocks[0].precision");
    }

    @Test
    void aStockNamesItsGamutClassOrHasNone() throws IOException {
        assertThat(loadStocks(STOCKS).stock("coated-gloss").orElseThrow().gamutClass()).isEmpty();
        assertThat(loadStocks(STOCKS + "    gamutClass: coated-paper\n").stock("coated-gloss").orElseThrow()
                .gamutClass()).isEqualTo("coated-paper");
        assertThatThrownBy(() -> loadStocks(STOCKS + "    gamutClass: Coated Paper\n"))
                .hasMessageContaining("stocks[0].gamutClass");
    }

    @Test
    void aStockWithoutPaperHasAnEmptyOneNotNull() throws IOException {
        // the catalog API and the partners' manifests give the paper as a string that is always there
        assertThat(loadStocks(STOCKS).stock("coated-gloss").orElseThrow().paper()).isEmpty();
        assertThat(loadStocks(STOCKS + "    paper: 170 gsm gloss\n").stock("coated-gloss").orElseThrow().paper())
                .isEqualTo("170 gsm gloss");
    }

    @Test
    void aProductMayAskForEveryDowngradeToBeReviewed() throws IOException {
        assertThat(load("poster.yaml", product(GOOD_TIER)).product("poster").orElseThrow().reviewDowngrades())
                .isFalse();
        assertThat(load("poster.yaml", "reviewDowngrades: true\n" + product(GOOD_TIER)).product("poster")
                .orElseThrow().reviewDowngrades()).isTrue();
        assertThatThrownBy(() -> load("poster.yaml", "reviewDowngrades: sometimes\n" + product(GOOD_TIER)))
                .hasMessageContaining("poster.yaml").hasMessageContaining("reviewDowngrades");
    }

    @Test
    void untaggedCmykArtIsAssumedInTheBundledCoatedProfileUnlessTheShopSaysOtherwise() throws IOException {
        Path uncoated = Path.of("icc-profiles/platen-uncoated-v1.icc");
        // No bundled coated profile beside this stocks.yaml: the stock's own profile is the assumption.
        assertThat(loadStocks(STOCKS).stock("coated-gloss").orElseThrow().artPolicy().assumedCmykProfile())
                .isEqualTo(dir.resolve("press.icc").toAbsolutePath().normalize());
        Files.copy(Path.of("icc-profiles/platen-coated-v1.icc"), dir.resolve("platen-coated-v1.icc"));
        assertThat(loadStocks(STOCKS).stock("coated-gloss").orElseThrow().artPolicy().assumedCmykProfile()
                .getFileName()).hasToString("platen-coated-v1.icc");
        Files.copy(uncoated, dir.resolve("shop-cmyk.icc"));
        assertThat(loadStocks("assumedCmykProfile: shop-cmyk.icc\n" + STOCKS).stock("coated-gloss").orElseThrow()
                .artPolicy().assumedCmykProfile().getFileName()).hasToString("shop-cmyk.icc");
        assertThat(loadStocks(STOCKS + "    assumedCmykProfile: platen-coated-v1.icc\n").stock("coated-gloss")
                .orElseThrow().artPolicy().assumedCmykProfile().getFileName()).hasToString("platen-coated-v1.icc");
        assertThatThrownBy(() -> loadStocks(STOCKS + "    assumedCmykProfile: nowhere.icc\n"))
                .hasMessageContaining("stocks[0].assumedCmykProfile").hasMessageContaining("nowhere.icc");
        try (var srgb = dev.platen.color.ColorProfile.srgb()) {
            srgb.writeTo(dir.resolve("screen.icc"));
        }
        assertThatThrownBy(() -> loadStocks("assumedCmykProfile: screen.icc\n" + STOCKS))
                .hasMessageContaining("stocks.yaml: assumedCmykProfile").hasMessageContaining("RGB");
    }

    @Test
    void greyPrintsInBlackAndSpotsStayUnlessTheStockSaysOtherwise() throws IOException {
        Stock plain = loadStocks(STOCKS).stock("coated-gloss").orElseThrow();
        assertThat(plain.artPolicy().greyAs()).isEqualTo(Stock.GreyAs.K);
        assertThat(plain.artPolicy().spotColours()).isEqualTo(Stock.SpotColours.KEEP);
        Stock process = loadStocks(STOCKS + "    greyAs: process\n    spotColours: convert\n").stock("coated-gloss")
                .orElseThrow();
        assertThat(process.artPolicy().greyAs()).isEqualTo(Stock.GreyAs.PROCESS);
        assertThat(process.artPolicy().spotColours()).isEqualTo(Stock.SpotColours.CONVERT);
        assertThatThrownBy(() -> loadStocks(STOCKS + "    greyAs: blue\n")).hasMessageContaining("stocks[0].greyAs");
        assertThatThrownBy(() -> loadStocks(STOCKS + "    spotColours: drop\n"))
                .hasMessageContaining("stocks[0].spotColours");
    }

    @Test
    void aRegisteredPrintingConditionNeedsItsIdentifierAndItsRegistry() throws IOException {
        assertThat(loadStocks(STOCKS).stock("coated-gloss").orElseThrow().registration().registered()).isFalse();
        Stock fogra = loadStocks(STOCKS + "    outputConditionIdentifier: FOGRA39\n"
                + "    registryName: http://www.color.org\n").stock("coated-gloss").orElseThrow();
        assertThat(fogra.registration()).isEqualTo(new Stock.Registration("FOGRA39", "http://www.color.org"));
        assertThatThrownBy(() -> loadStocks(STOCKS + "    outputConditionIdentifier: FOGRA39\n"))
                .hasMessageContaining("stocks[0].registryName");
        assertThatThrownBy(() -> loadStocks(STOCKS + "    registryName: http://www.color.org\n"))
                .hasMessageContaining("stocks[0].outputConditionIdentifier");
        assertThatThrownBy(() -> loadStocks(STOCKS + "    outputConditionIdentifier: FOGRA39\n"
                + "    registryName: color.org\n")).hasMessageContaining("stocks[0].registryName");
    }

    @Test
    void everyBundledStockHasAGamutClass() {
        Catalog catalog = Catalog.load(new CatalogLocations(Path.of("layout-tiers"), Path.of("icc-profiles/stocks.yaml")));
        assertThat(catalog.stocks()).allSatisfy(stock -> assertThat(stock.gamutClass()).as(stock.id()).isNotBlank());
    }

    @Test
    void aMissingProfileNamesTheStockField() {
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("profile: press.icc", "profile: nowhere.icc")))
                .hasMessageContaining("stocks.yaml: stocks[0].profile")
                .hasMessageContaining("nowhere.icc");
    }

    @Test
    void aFileThatIsNotAProfileIsRefusedAtStart() throws IOException {
        Files.writeString(dir.resolve("broken.icc"), "this is not an ICC profile");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("profile: press.icc", "profile: broken.icc")))
                .hasMessageContaining("stocks[0].profile")
                .hasMessageContaining("not a usable ICC profile");
    }

    @Test
    void anRgbProfileIsNoPrintProfile() throws IOException {
        try (dev.platen.color.ColorProfile srgb = dev.platen.color.ColorProfile.srgb()) {
            srgb.writeTo(dir.resolve("screen.icc"));
        }
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("profile: press.icc", "profile: screen.icc")))
                .hasMessageContaining("stocks[0].profile").hasMessageContaining("CMYK");
    }

    @Test
    void aProfileOutsideTheProfilesFolderIsRefused() {
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("profile: press.icc", "profile: ../../etc/passwd")))
                .hasMessageContaining("stocks[0].profile");
    }

    @Test
    void badPressSettingsNameTheirField() {
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("relative-colorimetric", "vivid")))
                .hasMessageContaining("stocks[0].intent");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("inkLimit: 330", "inkLimit: 450")))
                .hasMessageContaining("stocks[0].inkLimit");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("blackPointCompensation: true", "blackPointCompensation: maybe")))
                .hasMessageContaining("stocks[0].blackPointCompensation");
        assertThatThrownBy(() -> loadStocks(STOCKS + "    colorSpace: RGB\n"))
                .hasMessageContaining("stocks[0].colorSpace");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("[pdfx4, tiff]", "[pdfx4, jpeg]")))
                .hasMessageContaining("stocks[0].outputs").hasMessageContaining("jpeg");
    }

    @Test
    void aMissingStockFileIsReported() throws IOException {
        Path tiers = Files.createDirectories(dir.resolve("layout-tiers"));
        Files.writeString(tiers.resolve("poster.yaml"), product(GOOD_TIER));
        assertThatThrownBy(() -> Catalog.load(new CatalogLocations(tiers, dir.resolve("missing.yaml"))))
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void fieldsTheCatalogDoesNotKnowArePassedOver() throws IOException {
        Catalog catalog = load("poster.yaml", "notes: reprinted in March\n" + product(GOOD_TIER
                .replace("stock: coated-gloss", "stock: coated-gloss\n        checkedBy: Ana")));
        assertThat(catalog.product("poster").orElseThrow().placement("face").orElseThrow().largestTier().stock())
                .isEqualTo("coated-gloss");
        assertThat(loadStocks(STOCKS + "    supplier: Antalis\n").stock("coated-gloss")).isPresent();
    }

    @Test
    void aDpiIsAWholeNumberAsWritten() {
        for (String dpi : new String[]{"'150'", "150.5", "150.0", "99999999999", "[150]", "lots"}) {
            assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("minDpi: 150", "minDpi: " + dpi))))
                    .as(dpi).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("poster.yaml: placements[0].tiers[0].minDpi: must be a whole number");
        }
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("minDpi: 150", "minDpi: 0"))))
                .hasMessageContaining("placements[0].tiers[0].minDpi: must be positive, not 0");
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replaceAll(" *minDpi: 150\n", ""))))
                .hasMessageContaining("placements[0].tiers[0].minDpi: must be a whole number");
    }

    @Test
    void aValueOfTheWrongShapeSaysWhatItShouldBe() {
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("stock: coated-gloss",
                "stock: coated-gloss\n        position: top-left"))))
                .hasMessageContaining("placements[0].tiers[0].position: must be a map with anchor, x and y");
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("stock: coated-gloss",
                "stock: [coated-gloss]"))))
                .hasMessageContaining("placements[0].tiers[0].stock: must be a single value");
        assertThatThrownBy(() -> load("poster.yaml", product("").replace("    tiers:\n", "    tiers: big\n")))
                .hasMessageContaining("placements[0].tiers: must be a list");
        assertThatThrownBy(() -> load("poster.yaml", product("")))
                .hasMessageContaining("placements[0].tiers: must be a non-empty list, largest tier first");
        assertThatThrownBy(() -> load("poster.yaml", "- poster\n- mug\n"))
                .hasMessageContaining("poster.yaml: (document): must be a YAML map");
        assertThatThrownBy(() -> load("poster.yaml", ""))
                .hasMessageContaining("poster.yaml: (document): must be a YAML map");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("inkLimit: 330", "inkLimit: '330'")))
                .hasMessageContaining("stocks[0].inkLimit: must be a number");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("blackPointCompensation: true", "blackPointCompensation: 'true'")))
                .hasMessageContaining("stocks[0].blackPointCompensation: must be true or false");
    }

    @Test
    void everyFieldThatIsWrongByItselfIsNamedAtOnce() {
        String tiers = GOOD_TIER.replace("id: big", "id: Big Tier") + GOOD_TIER.replace("minDpi: 150", "minDpi: -1")
                .replaceAll(" *stock: coated-gloss\n", "");
        assertThatThrownBy(() -> load("poster.yaml", product(tiers).replace("name: Poster\n", "")))
                .hasMessageStartingWith(dir.resolve("layout-tiers/poster.yaml") + ": name: is required")
                .hasMessageContaining("; placements[0].tiers[0].id: 'Big Tier' is not a valid id (lower-case letters,"
                        + " digits and '-')")
                .hasMessageContaining("; placements[0].tiers[1].minDpi: must be positive, not -1")
                .hasMessageContaining("; placements[0].tiers[1].stock: is required");
    }

    @Test
    void lengthsAreReadInInchesAndAKeyWithoutItsValueIsAMistake() throws IOException {
        Product poster = load("poster.yaml", "bleed: 3.175 mm\n" + product(GOOD_TIER.replace("stock: coated-gloss",
                "stock: coated-gloss\n        position: { anchor: top-left, x: -1 in, y: 25.4 mm }")))
                .product("poster").orElseThrow();
        assertThat(poster.bleedInches()).isEqualTo(0.125);
        assertThat(poster.placements().get(0).largestTier().position())
                .isEqualTo(new TierPosition(TierPosition.Anchor.TOP_LEFT, -1, 1));
        assertThat(load("poster.yaml", product(GOOD_TIER)).product("poster").orElseThrow().bleedInches()).isZero();
        assertThatThrownBy(() -> load("poster.yaml", "bleed: -1 mm\n" + product(GOOD_TIER)))
                .hasMessageContaining("poster.yaml: bleed: must not be negative");
        assertThatThrownBy(() -> load("poster.yaml", "bleed: 3\n" + product(GOOD_TIER)))
                .hasMessageContaining("bleed: must read like '0.125 in' or '3 mm', not '3'");
        assertThatThrownBy(() -> load("poster.yaml", "bleed:\n" + product(GOOD_TIER)))
                .hasMessageContaining("poster.yaml: bleed: is required");
        assertThatThrownBy(() -> load("poster.yaml", "mockup:\n" + product(GOOD_TIER)))
                .hasMessageContaining("poster.yaml: mockup: '' is not a mockup");
        assertThatThrownBy(() -> load("poster.yaml", "reviewDowngrades:\n" + product(GOOD_TIER)))
                .hasMessageContaining("poster.yaml: reviewDowngrades: must be true or false");
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("stock: coated-gloss",
                "stock: coated-gloss\n        position: { anchor: middle, y: -1 in }"))))
                .hasMessageContaining("placements[0].tiers[0].position.anchor: anchor must be top-center or top-left");
        assertThatThrownBy(() -> load("poster.yaml", product(GOOD_TIER.replace("stock: coated-gloss",
                "stock: coated-gloss\n        position: { anchor: top-left, y: -1 in }"))))
                .hasMessageContaining("placements[0].tiers[0].position.y: must not be negative");
    }

    @Test
    void optionalWordsLeftEmptyAreTheirDefaults() throws IOException {
        Stock stock = loadStocks(STOCKS + "    precision:\n    greyAs: ''\n    spotColours:\n    gamutClass:\n"
                + "    paper: '  '\n").stock("coated-gloss").orElseThrow();
        assertThat(stock.precision()).isEqualTo(dev.platen.color.Precision.EXACT);
        assertThat(stock.artPolicy().greyAs()).isEqualTo(Stock.GreyAs.K);
        assertThat(stock.artPolicy().spotColours()).isEqualTo(Stock.SpotColours.KEEP);
        assertThat(stock.gamutClass()).isEmpty();
        assertThat(stock.paper()).isEmpty(); // a string in the API: none is ""
        assertThat(stock.name()).isEqualTo("Coated gloss");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("name: Coated gloss", "name: '  '")))
                .hasMessageContaining("stocks[0].name: is required");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("intent: relative-colorimetric", "intent:")))
                .hasMessageContaining("stocks[0].intent: is required");
    }

    @Test
    void aWrongOutputIsNamedAtItsPlaceInTheList() {
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("[pdfx4, tiff]", "[pdfx4, jpeg]")))
                .hasMessageContaining("stocks.yaml: stocks[0].outputs[1]: unknown output 'jpeg' (known: pdfx4, tiff)");
        assertThatThrownBy(() -> loadStocks(STOCKS.replace("[pdfx4, tiff]", "[]")))
                .hasMessageContaining("stocks[0].outputs: list at least one of pdfx4, tiff");
        assertThatThrownBy(() -> loadStocks(STOCKS + "  - ~\n"))
                .hasMessageContaining("stocks[1]: is required");
    }
}
