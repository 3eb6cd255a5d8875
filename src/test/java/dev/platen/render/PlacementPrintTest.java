package dev.platen.render;

import dev.platen.testing.EngineTransforms;
import dev.platen.testing.PrintTools;
import dev.platen.testing.VectorArt;
import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.Finding;
import dev.platen.catalog.Catalog;
import dev.platen.catalog.CatalogLocations;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The render capability the render step calls: PDF art as vectors, dated by the art's receipt, as poppler reads
 * the files back; a PDF page that cannot be converted in place rasterised with the reason.
 */
class PlacementPrintTest {

    static final Catalog CATALOG = Catalog.load(new CatalogLocations(Path.of("layout-tiers"),
            Path.of("icc-profiles/stocks.yaml")));

    @TempDir
    Path dir;

    @Test
    void pdfArtIsPrintedAsVectorsDatedByTheArtsReceipt() throws Exception {
        Path art = dir.resolve("art.pdf");
        VectorArt.write(art);
        Product sticker = CATALOG.product("sticker").orElseThrow();
        LayoutTier tier = sticker.placements().get(0).tiers().stream()
                .filter(t -> t.id().equals("sticker-4in")).findFirst().orElseThrow();
        Stock stock = CATALOG.stock(tier.stock()).orElseThrow();
        PlacementPrint.Printed printed;
        int[] n = {0};
        printed = new PlacementPrint(new ArtworkInspector(ArtworkLimits.defaults()), EngineTransforms.CACHE)
                .print(art, sticker, tier, stock, TestJobs.provenance(), () -> dir.resolve("out-" + n[0]++));
        assertThat(printed.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder(Finding.CMYK_PASSED_THROUGH, Finding.SPOT_COLOUR_KEPT);
        Path pdf = printed.files().files().stream().filter(f -> f.format() == PrintFileFormat.PDF_X4)
                .findFirst().orElseThrow().path();
        String fonts = PrintTools.run(List.of("pdffonts", pdf.toString()));
        assertThat(fonts).contains("LiberationSans");
        String info = PrintTools.run(List.of("pdfinfo", "-isodates", pdf.toString()));
        assertThat(info).contains("2025-03-01T10:15:30"); // TestJobs.RECEIVED, seconds only
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    }
}
