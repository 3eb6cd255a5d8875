package dev.platen.orders;

import dev.platen.testing.EngineContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Optional;

import static dev.platen.orders.OrderFixtures.pdf;
import static dev.platen.orders.OrderFixtures.proof;
import static dev.platen.orders.OrderFixtures.tiff;
import static org.assertj.core.api.Assertions.assertThat;

@EngineContext
class PrintFileIndexTest {

    @Autowired
    PrintFileIndex index;
    @Autowired
    OrderBook book;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPrintFileIsFoundByItsHashWithThePlacementItWasMadeFor() {
        Order order = book.create("index", "acme", OrderFixtures.tshirtFronts(jdbc, 1));
        OrderPlacement p = order.placements().get(0);
        jdbc.sql("update order_placement set chosen_tier = 'left-chest' where id = ?").param(p.id()).update();

        index.putPrintFiles(p.id(), List.of(pdf("index-pdf"), tiff("index-tiff")));

        assertThat(index.printFile(tiff("index-tiff").sha256())).contains(new PrintFileLocation(order.id(), p.id(),
                "tshirt", "front", "left-chest", tiff("index-tiff")));
        assertThat(index.printFile(OrderFixtures.sha256("never made"))).isEmpty();
    }

    @Test
    void aNewRenderReplacesThePlacementsPrintFiles() {
        String id = book.create("rerender", "acme", OrderFixtures.tshirtFronts(jdbc, 1)).placements().get(0).id();
        index.putPrintFiles(id, List.of(pdf("first-pdf"), tiff("first-tiff")));

        index.putPrintFiles(id, List.of(pdf("second-pdf")));

        assertThat(book.placement(id).orElseThrow().printFiles()).containsExactly(pdf("second-pdf"));
        assertThat(index.printFile(tiff("first-tiff").sha256())).isEmpty();
    }

    @Test
    void theFourProofImagesAndOnlyThemAreProofImages() {
        String id = book.create("proof", "acme", OrderFixtures.tshirtFronts(jdbc, 1)).placements().get(0).id();
        SoftProofRecord proof = proof("index-proof");
        index.putPrintFiles(id, List.of(pdf("index-proof-pdf")));
        index.putSoftProof(id, proof, Optional.of(new WorstFinding("PROBLEM", "JPEG_BLOCKING")));

        assertThat(List.of(proof.proofSha256(), proof.gamutSha256(), proof.mockupSha256(), proof.beforeAfterSha256()))
                .allMatch(index::isProofImage);
        assertThat(index.isProofImage(pdf("index-proof-pdf").sha256())).as("a print file is not shown to anyone").isFalse();
        assertThat(index.worstFinding(id)).contains(new WorstFinding("PROBLEM", "JPEG_BLOCKING"));

        index.putSoftProof(id, proof("index-proof-again"), Optional.empty());
        assertThat(index.isProofImage(proof.proofSha256())).as("the proof replaced").isFalse();
        assertThat(index.worstFinding(id)).isEmpty();

        index.forget(id);
        assertThat(book.placement(id).orElseThrow().softProof()).isNull();
        assertThat(book.placement(id).orElseThrow().printFiles()).isEmpty();
    }
}
