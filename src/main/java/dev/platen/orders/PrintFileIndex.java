package dev.platen.orders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The files a placement's steps made, by SHA-256: its print files (one per format its stock's press takes) and its
 * soft proof (four screen images and the colour report). {@link PlacementLifecycle} records them as the steps end;
 * the downloads look a hash up here, to name the file or to know it may be shown. The bytes are in the object store.
 */
@Service
public class PrintFileIndex {

    private final JdbcClient jdbc;
    private final Clock clock;

    PrintFileIndex(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The print file stored under this SHA-256, with the placement and order it belongs to. The same bytes made
     * twice (the same art at the same tier on two orders) name the first.
     */
    public Optional<PrintFileLocation> printFile(String sha256) {
        return jdbc.sql("""
                select f.*, p.order_id, p.product, p.placement, p.chosen_tier from print_file f
                join order_placement p on p.id = f.placement_id where f.sha256 = ? order by f.created_at""")
                .param(sha256)
                .query((rs, n) -> new PrintFileLocation(rs.getString("order_id"), rs.getString("placement_id"),
                        rs.getString("product"), rs.getString("placement"), rs.getString("chosen_tier"),
                        printFileRow(rs)))
                .list().stream().findFirst();
    }

    /** Whether this SHA-256 is one of the soft-proof images (they are served to anyone who has the hash). */
    public boolean isProofImage(String sha256) {
        return jdbc.sql("""
                select count(*) from soft_proof where proof_sha256 = ? or gamut_sha256 = ? or mockup_sha256 = ?
                    or before_after_sha256 = ?""").params(sha256, sha256, sha256, sha256)
                .query(Long.class).single() > 0;
    }

    /** The worst quality finding recorded with the placement's soft proof, if any: an input of the proof lane. */
    Optional<WorstFinding> worstFinding(String placementId) {
        return jdbc.sql("""
                select worst_severity, worst_finding from soft_proof where placement_id = ? and worst_severity is not null""")
                .param(placementId)
                .query((rs, n) -> new WorstFinding(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** The placement's print files are these now; those of an earlier render are no longer its. */
    void putPrintFiles(String placementId, List<PrintFileRecord> files) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("delete from print_file where placement_id = ?").param(placementId).update();
        for (PrintFileRecord f : files) {
            jdbc.sql("""
                    insert into print_file (placement_id, format, sha256, bytes, media_type, width_px, height_px, dpi,
                        profile_sha256, created_at) values (?,?,?,?,?,?,?,?,?,?)""")
                    .params(placementId, f.format(), f.sha256(), f.bytes(), f.mediaType(), f.widthPx(), f.heightPx(),
                            f.dpi(), f.profileSha256(), now)
                    .update();
        }
    }

    /** The placement's soft proof is this one now, with the worst finding the proof lane reads. */
    void putSoftProof(String placementId, SoftProofRecord proof, Optional<WorstFinding> worst) {
        jdbc.sql("delete from soft_proof where placement_id = ?").param(placementId).update();
        jdbc.sql("""
                insert into soft_proof (placement_id, proof_sha256, gamut_sha256, mockup_sha256, before_after_sha256,
                    delta_e_mean, delta_e_p95, out_of_gamut_share, max_total_ink, ssim, worst_severity, worst_finding,
                    created_at)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(placementId, proof.proofSha256(), proof.gamutSha256(), proof.mockupSha256(),
                        proof.beforeAfterSha256(), proof.deltaE2000Mean(), proof.deltaE2000P95(),
                        proof.outOfGamutShare(), proof.maxTotalInk(), proof.ssim(),
                        worst.map(WorstFinding::severity).orElse(null), worst.map(WorstFinding::code).orElse(null),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * The placement has new art: what was made from the old is no longer its (the files stay in the store, and
     * their hashes in the placement's history).
     */
    void forget(String placementId) {
        jdbc.sql("delete from soft_proof where placement_id = ?").param(placementId).update();
        jdbc.sql("delete from print_file where placement_id = ?").param(placementId).update();
    }

    /** A {@code print_file} row, as {@link OrderBook}'s joined read has it too. */
    static PrintFileRecord printFileRow(ResultSet rs) throws SQLException {
        return new PrintFileRecord(rs.getString("format"), rs.getString("media_type"), rs.getString("sha256"),
                rs.getLong("bytes"), rs.getInt("width_px"), rs.getInt("height_px"), rs.getInt("dpi"),
                rs.getString("profile_sha256"));
    }
}
