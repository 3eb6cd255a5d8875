package dev.platen.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.artwork.Finding;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ReasonCode;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSet;
import dev.platen.rules.RuleSetState;
import dev.platen.rules.RuleSets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores orders and moves their placements through their statuses. Every change of a placement recomputes
 * the order's status in the same transaction, so the two never disagree.
 */
@Service
// Reads run in a read-only transaction: an order's row mapper reads its placements, and each placement's its
// files, proof and approval; outside a transaction every nested query would hold a pool connection of its own,
// and a handful of concurrent requests could take the whole pool (seen on PostgreSQL with eight claimers).
@Transactional(readOnly = true)
public class OrderBook {

    /** The actor name of the engine's own steps in a placement's history. */
    public static final String ENGINE = "platen";

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;

    OrderBook(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, RuleSets ruleSets,
              PlacementRuns runs, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.clock = clock;
    }

    /** Stores a new order and announces it; its processing starts in the same transaction. */
    @Transactional
    public Order create(String reference, String partner, List<NewPlacement> placements) {
        String orderId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into print_order (id, reference, partner, status, created_at, updated_at) values (?,?,?,?,?,?)")
                .params(orderId, reference, partner, OrderStatus.RECEIVED.name(), now, now).update();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            NewPlacement p = placements.get(i);
            String id = UUID.randomUUID().toString();
            ids.add(id);
            RuleSet rules = ruleSets.assign(id, p.product(), p.placement(), p.requestedTier());
            boolean canary = rules.state() != RuleSetState.LIVE;
            jdbc.sql("""
                    insert into order_placement (id, order_id, position, item_index, product, quantity, placement,
                        requested_tier, artwork_id, status, chosen_tier, effective_dpi, downgraded, reasons,
                        findings_json, updated_at, rule_set)
                    values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(id, orderId, i, p.itemIndex(), p.product(), p.quantity(), p.placement(), p.requestedTier(),
                            p.artworkId(), PlacementStatus.RECEIVED.name(), p.chosenTier(), p.effectiveDpi(),
                            p.downgraded(), reasonsColumn(p.reasons()), "[]", now, rules.number())
                    .update();
            runs.started(id, rules, canary);
            event(id, ENGINE, "RECEIVED", "requested " + p.requestedTier() + "; verdict from the header: "
                    + (p.chosenTier() == null ? "no tier fits" : p.chosenTier()) + " (" + names(p.reasons()) + ")"
                    + "; rule set " + rules.number() + (canary ? " (canary)" : ""),
                    List.of(p.artworkId()));
        }
        events.publishEvent(new OrderAccepted(orderId, List.copyOf(ids)));
        return find(orderId).orElseThrow();
    }

    public Optional<Order> find(String orderId) {
        return jdbc.sql("select * from print_order where id = ?").param(orderId)
                .query((rs, n) -> new Order(rs.getString("id"), rs.getString("reference"), rs.getString("partner"),
                        OrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(), placementsOf(rs.getString("id"))))
                .optional();
    }

    public Optional<OrderPlacement> placement(String placementId) {
        return jdbc.sql("select * from order_placement where id = ?").param(placementId)
                .query(this::placementRow).optional();
    }

    @Transactional
    public void startWork(String placementId) {
        update(placementId, PlacementStatus.IN_PROGRESS, "status = ?", PlacementStatus.IN_PROGRESS.name());
    }

    /** Adds what a full inspection found to the placement's findings. */
    @Transactional
    public void addFindings(String placementId, List<Finding> findings) {
        OrderPlacement p = placement(placementId).orElseThrow(() -> unknown(placementId));
        List<Finding> all = new ArrayList<>(p.findings());
        for (Finding f : findings) {
            if (!all.contains(f)) {
                all.add(f);
            }
        }
        update(placementId, null, "findings_json = ?", write(all));
        if (!findings.isEmpty()) {
            event(placementId, ENGINE, "FINDINGS", findings.stream().map(Finding::code)
                    .collect(java.util.stream.Collectors.joining(", ")), List.of());
        }
    }

    /**
     * Records the tier the engine chose; with no tier the placement waits for an operator. With a tier it stays
     * in progress until its print files are made.
     */
    @Transactional
    public void recordTier(String placementId, TierDecision decision) {
        PlacementStatus status = decision.chosenTier() == null ? PlacementStatus.NEEDS_REVIEW : PlacementStatus.IN_PROGRESS;
        setTier(placementId, status, decision, null, null);
        event(placementId, ENGINE, decision.chosenTier() == null ? "HELD_FOR_OPERATOR" : "TIER_CHOSEN",
                describe(decision), List.of());
    }

    /** Records the print files made for the placement's tier; its soft proof comes next. */
    @Transactional
    public void recordPrintFiles(String placementId, List<PrintFileRecord> files) {
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
        event(placementId, ENGINE, "PRINT_FILES_MADE", files.stream().map(f -> f.format() + " " + f.bytes() + " bytes, "
                + f.widthPx() + "x" + f.heightPx() + " px at " + f.dpi() + " dpi").collect(java.util.stream.Collectors.joining("; ")),
                files.stream().map(PrintFileRecord::sha256).toList());
    }

    /** Records the placement's soft proof; the proof lane decides next whether a person must look at it. */
    @Transactional
    public void recordSoftProof(String placementId, SoftProofRecord proof, Optional<WorstFinding> worst) {
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
        event(placementId, ENGINE, "SOFT_PROOF_MADE", String.format(java.util.Locale.ROOT,
                        "ΔE2000 mean %.2f, p95 %.2f; %.1f %% out of gamut; max ink %.0f %%", proof.deltaE2000Mean(),
                        proof.deltaE2000P95(), proof.outOfGamutShare() * 100, proof.maxTotalInk()),
                List.of(proof.proofSha256(), proof.gamutSha256(), proof.mockupSha256(), proof.beforeAfterSha256()));
    }

    /**
     * Approves the placement's current print files and soft proof, and makes it ready for print. The approval
     * names those files by their SHA-256: what a partner downloads is exactly what was approved.
     *
     * @param approvedBy {@value #ENGINE} when the proof lane approved it on its own
     * @throws IllegalStateException if the placement has no print files or soft proof to approve
     */
    @Transactional
    public Approval approve(String placementId, String approvedBy, String laneReason) {
        OrderPlacement p = placement(placementId).orElseThrow(() -> unknown(placementId));
        if (p.printFiles().isEmpty() || p.softProof() == null) {
            throw new IllegalStateException("placement " + placementId + " has no print files and proof to approve");
        }
        boolean automatic = ENGINE.equals(approvedBy);
        Approval approval = new Approval(approvedBy, clock.instant(), automatic, laneReason,
                p.printFiles().stream().map(PrintFileRecord::sha256).toList(), p.softProof().proofSha256());
        jdbc.sql("delete from placement_approval where placement_id = ?").param(placementId).update();
        jdbc.sql("""
                insert into placement_approval (placement_id, approved_by, approved_at, automatic, lane_reason,
                    print_file_sha256s, proof_sha256) values (?,?,?,?,?,?,?)""")
                .params(placementId, approvedBy, Timestamp.from(approval.approvedAt()), automatic, laneReason,
                        String.join(",", approval.printFileSha256s()), approval.proofSha256())
                .update();
        jdbc.sql("update order_placement set decided_by = coalesce(?, decided_by), lane = coalesce(lane, ?), "
                        + "lane_reason = coalesce(lane_reason, ?) where id = ?")
                .params(automatic ? null : approvedBy, laneOf(approvedBy), laneReason, placementId).update();
        update(placementId, PlacementStatus.READY_FOR_PRINT, "status = ?", PlacementStatus.READY_FOR_PRINT.name());
        List<String> hashes = new ArrayList<>(approval.printFileSha256s());
        hashes.add(approval.proofSha256());
        event(placementId, approvedBy, "APPROVED", (automatic ? "approved without review" : "approved on review")
                + " (" + laneReason + ")", hashes);
        return approval;
    }

    /** The worst quality finding recorded with the placement's soft proof, if any. */
    public Optional<WorstFinding> worstFinding(String placementId) {
        return jdbc.sql("select worst_severity, worst_finding from soft_proof where placement_id = ?")
                .param(placementId)
                .query((rs, n) -> {
                    String severity = rs.getString(1);
                    return severity == null ? Optional.<WorstFinding>empty()
                            : Optional.of(new WorstFinding(severity, rs.getString(2)));
                })
                .optional().flatMap(o -> o);
    }

    /** The proof lane sent the placement to an operator: it waits, with the table's reason, for their decision. */
    @Transactional
    public void holdForProofReview(String placementId, String laneReason) {
        jdbc.sql("update order_placement set lane = ?, lane_reason = ? where id = ?")
                .params(ProofLane.Lane.REVIEW.name(), laneReason, placementId).update();
        update(placementId, PlacementStatus.NEEDS_REVIEW, "status = ?", PlacementStatus.NEEDS_REVIEW.name());
        OrderPlacement p = placement(placementId).orElseThrow();
        List<String> hashes = new ArrayList<>(p.printFiles().stream().map(PrintFileRecord::sha256).toList());
        if (p.softProof() != null) {
            hashes.add(p.softProof().proofSha256());
        }
        event(placementId, ENGINE, "HELD_FOR_REVIEW", "the proof lane asks for an operator (" + laneReason + ")", hashes);
    }

    /** An operator asked the shop for new art; the placement waits for it (see {@link #replaceArtwork}). */
    @Transactional
    public void awaitNewArtwork(String placementId, String operator, String note) {
        jdbc.sql("update order_placement set decided_by = ?, decision_note = ? where id = ?")
                .params(operator, note, placementId).update();
        update(placementId, PlacementStatus.AWAITING_ARTWORK, "status = ?", PlacementStatus.AWAITING_ARTWORK.name());
        event(placementId, operator, "NEW_ARTWORK_REQUESTED", note, List.of(placement(placementId).orElseThrow().artworkId()));
    }

    /**
     * The shop sent a new version of the placement's art. What was made from the old one (print files, proof,
     * approval, lane, findings) no longer applies and is dropped from the placement (the files stay in the store
     * and their hashes in the history); the placement starts again from the new art's header verdict, and the
     * process hears of it through {@link ArtworkReplaced}, in this transaction.
     *
     * <p>The art is swapped only if it is still the one read: two requests at once are taken one after the other
     * (the row's lock), and the second finds the art changed. The same art again is then nothing to do; other art
     * is {@link PlacementBusy}, to be sent again.
     *
     * @throws IllegalStateException if the placement is already settled (ready for print, rejected or failed)
     */
    @Transactional
    public OrderPlacement replaceArtwork(String placementId, String artworkId, TierDecision headerVerdict) {
        OrderPlacement old = placement(placementId).orElseThrow(() -> unknown(placementId));
        if (old.status().settled()) {
            throw new IllegalStateException("placement " + placementId + " is " + old.status());
        }
        int swapped = jdbc.sql("""
                update order_placement set artwork_id = ?, findings_json = '[]', decided_by = null, decision_note = null
                where id = ? and artwork_id = ?""").params(artworkId, placementId, old.artworkId()).update();
        if (swapped == 0) {
            OrderPlacement now = placement(placementId).orElseThrow(() -> unknown(placementId));
            if (artworkId.equals(now.artworkId())) {
                return now; // a request with the same art got here first: this one changes nothing
            }
            throw new PlacementBusy("placement " + placementId + " got other art at the same moment", null);
        }
        jdbc.sql("delete from placement_approval where placement_id = ?").param(placementId).update();
        jdbc.sql("delete from soft_proof where placement_id = ?").param(placementId).update();
        jdbc.sql("delete from print_file where placement_id = ?").param(placementId).update();
        setTier(placementId, PlacementStatus.IN_PROGRESS, headerVerdict, null, null);
        event(placementId, "shop", "ARTWORK_REPLACED", "new art; verdict from its header: " + describe(headerVerdict),
                List.of(old.artworkId(), artworkId));
        events.publishEvent(new ArtworkReplaced(old.orderId(), placementId));
        return placement(placementId).orElseThrow();
    }

    /** The approval the placement prints under, if it has one. */
    public Optional<Approval> approval(String placementId) {
        return jdbc.sql("select * from placement_approval where placement_id = ?").param(placementId)
                .query((rs, n) -> new Approval(rs.getString("approved_by"), rs.getTimestamp("approved_at").toInstant(),
                        rs.getBoolean("automatic"), rs.getString("lane_reason"),
                        Arrays.asList(rs.getString("print_file_sha256s").split(",")), rs.getString("proof_sha256")))
                .optional();
    }

    /** Whether this SHA-256 is one of the soft-proof images (they are served to anyone who has the hash). */
    public boolean isProofImage(String sha256) {
        return jdbc.sql("""
                select count(*) from soft_proof where proof_sha256 = ? or gamut_sha256 = ? or mockup_sha256 = ?
                    or before_after_sha256 = ?""").params(sha256, sha256, sha256, sha256)
                .query(Long.class).single() > 0;
    }

    /** The operator task of a placement went past its due date. */
    @Transactional
    public void recordEscalation(String placementId) {
        event(placementId, ENGINE, "ESCALATED", "overdue for an operator; priority raised", List.of());
    }

    /** The placement's history, oldest first. */
    public List<PlacementEvent> history(String placementId) {
        return jdbc.sql("select * from placement_event where placement_id = ? order by id").param(placementId)
                .query((rs, n) -> new PlacementEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail"),
                        rs.getString("file_hashes") == null || rs.getString("file_hashes").isBlank() ? List.of()
                                : Arrays.asList(rs.getString("file_hashes").split(","))))
                .list();
    }

    private void event(String placementId, String actor, String action, String detail, List<String> hashes) {
        jdbc.sql("insert into placement_event (placement_id, at, actor, action, detail, file_hashes) values (?,?,?,?,?,?)")
                .params(placementId, Timestamp.from(clock.instant()), actor, action,
                        detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail,
                        hashes.isEmpty() ? null : String.join(",", hashes))
                .update();
    }

    private static String describe(TierDecision d) {
        return (d.chosenTier() == null ? "no tier" : "tier " + d.chosenTier()) + (d.effectiveDpi() == null ? ""
                : " at " + d.effectiveDpi().toPlainString() + " DPI") + (d.downgraded() ? ", downgraded" : "")
                + " (" + names(d.reasons()) + ")";
    }

    private static String names(List<ReasonCode> reasons) {
        return reasons.stream().map(ReasonCode::name).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The reason codes as the {@code reasons} column holds them: their names, comma-separated. */
    private static String reasonsColumn(List<ReasonCode> reasons) {
        return reasons.stream().map(ReasonCode::name).collect(java.util.stream.Collectors.joining(","));
    }

    /** The lane an approval is given in: the engine approves what its lane let through, an operator what it held. */
    private static String laneOf(String approvedBy) {
        return (ENGINE.equals(approvedBy) ? ProofLane.Lane.AUTO : ProofLane.Lane.REVIEW).name();
    }

    /** The print file stored under this SHA-256, with the placement and order it belongs to. */
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

    /** The decoded art did not bear out its header (or another doubt): an operator must look. */
    @Transactional
    public void holdForOperator(String placementId, TierDecision decision) {
        setTier(placementId, PlacementStatus.NEEDS_REVIEW, decision, null, null);
        event(placementId, ENGINE, "HELD_FOR_OPERATOR", describe(decision), List.of());
    }

    /** An operator chose the tier to print at, whatever the engine thought; print files come next. */
    @Transactional
    public void operatorChoseTier(String placementId, TierDecision decision, String operator, String note) {
        setTier(placementId, PlacementStatus.IN_PROGRESS, decision, operator, note);
        event(placementId, operator, "OPERATOR_CHOSE_TIER", describe(decision) + (note == null ? "" : ": " + note),
                List.of(placement(placementId).orElseThrow().artworkId()));
    }

    @Transactional
    public void operatorRejected(String placementId, String operator, String reason) {
        jdbc.sql("update order_placement set decided_by = ?, decision_note = ? where id = ?")
                .params(operator, reason, placementId).update();
        update(placementId, PlacementStatus.REJECTED, "status = ?", PlacementStatus.REJECTED.name());
        event(placementId, operator, "OPERATOR_REJECTED", reason, List.of(placement(placementId).orElseThrow().artworkId()));
    }

    /**
     * The placement's approval (by the engine's lane or by an operator) waits for the verdict on the canary rule set it
     * ran under: its status is in progress meanwhile, so the shop and partners see work being done, not work to print.
     */
    @Transactional
    public void holdForCanary(String placementId, String approvedBy, String laneReason, int ruleSet) {
        // the engine's lane is AUTO; an operator approved one the lane sent to review, which it keeps
        jdbc.sql("update order_placement set held_by = ?, held_reason = ?, lane = coalesce(lane, ?), "
                        + "lane_reason = coalesce(lane_reason, ?) where id = ?")
                .params(approvedBy, laneReason, laneOf(approvedBy), laneReason, placementId)
                .update();
        update(placementId, PlacementStatus.IN_PROGRESS, "status = ?", PlacementStatus.IN_PROGRESS.name());
        event(placementId, approvedBy, "HELD_FOR_CANARY", (ENGINE.equals(approvedBy) ? "approved without review"
                : "approved on review") + " (" + laneReason + "); prints once rule set " + ruleSet + " is promoted",
                List.of());
    }

    /**
     * The rule set a held placement ran under was promoted: its held approval is given now.
     *
     * @return true when this call released it
     */
    @Transactional
    public boolean releaseHeld(String placementId) {
        record Held(String by, String reason) {
        }
        Optional<Held> held = jdbc.sql("select held_by, held_reason from order_placement where id = ? and held_by is not null")
                .param(placementId).query((rs, n) -> new Held(rs.getString(1), rs.getString(2))).optional();
        if (held.isEmpty() || jdbc.sql("update order_placement set held_by = null, held_reason = null "
                + "where id = ? and held_by is not null").param(placementId).update() != 1) {
            return false;
        }
        approve(placementId, held.get().by(), held.get().reason());
        return true;
    }

    /**
     * Moves an unsettled placement off a rolled-back rule set onto {@code to}, its held approval dropped, so that it
     * runs again from its art. Conditional on the rule set it is still on: of two nodes moving it, one does.
     *
     * @return true when this call moved it
     */
    @Transactional
    public boolean moveToRuleSet(String placementId, int from, int to) {
        int rows = jdbc.sql("""
                update order_placement set rule_set = ?, held_by = null, held_reason = null
                where id = ? and coalesce(rule_set, 1) = ?""").params(to, placementId, from).update();
        if (rows != 1) {
            return false;
        }
        runs.started(placementId, ruleSets.number(to), false);
        event(placementId, ENGINE, "RULE_SET_ROLLED_BACK", "rule set " + from + " was rolled back; the placement runs "
                + "again on rule set " + to, List.of());
        return true;
    }

    /**
     * The placements on a rule set that have not settled (printed, rejected or failed), with their orders; with
     * {@code heldOnly} only those whose approval waits for the rule set's verdict.
     */
    public List<PlacementOnRuleSet> unsettledOn(int ruleSet, boolean heldOnly) {
        return jdbc.sql("select id, order_id, held_by from order_placement where rule_set = ? and status not in (?,?,?)"
                        + (heldOnly ? " and held_by is not null" : ""))
                .params(ruleSet, PlacementStatus.READY_FOR_PRINT.name(), PlacementStatus.REJECTED.name(),
                        PlacementStatus.FAILED.name())
                .query((rs, n) -> new PlacementOnRuleSet(rs.getString(1), rs.getString(2), rs.getString(3) != null))
                .list();
    }

    /** @param held its approval waits for the rule set's verdict */
    public record PlacementOnRuleSet(String placementId, String orderId, boolean held) {
    }

    @Transactional
    public void fail(String placementId, String message) {
        jdbc.sql("update order_placement set decision_note = ? where id = ?").params(message, placementId).update();
        update(placementId, PlacementStatus.FAILED, "status = ?", PlacementStatus.FAILED.name());
        event(placementId, ENGINE, "FAILED", message, List.of());
        placement(placementId).ifPresent(p -> runs.failed(placementId, p.ruleSet()));
    }

    private void setTier(String placementId, PlacementStatus status, TierDecision d, String operator, String note) {
        PlacementStatus before = statusOf(placementId);
        int rows = jdbc.sql("""
                update order_placement set status = ?, chosen_tier = ?, effective_dpi = ?, downgraded = ?, reasons = ?,
                    decided_by = coalesce(?, decided_by), decision_note = coalesce(?, decision_note), lane = null,
                    lane_reason = null, updated_at = ?
                where id = ?""")
                .params(status.name(), d.chosenTier(), d.effectiveDpi(), d.downgraded(), reasonsColumn(d.reasons()),
                        operator, note, Timestamp.from(clock.instant()), placementId)
                .update();
        if (rows != 1) {
            throw unknown(placementId);
        }
        refreshOrderStatus(placementId, before);
    }

    private void update(String placementId, PlacementStatus status, String assignment, Object value) {
        PlacementStatus before = status == null ? null : statusOf(placementId);
        int rows = jdbc.sql("update order_placement set " + assignment + ", updated_at = ? where id = ?")
                .params(value, Timestamp.from(clock.instant()), placementId).update();
        if (rows != 1) {
            throw unknown(placementId);
        }
        if (status != null) {
            refreshOrderStatus(placementId, before);
        }
    }

    private PlacementStatus statusOf(String placementId) {
        return jdbc.sql("select status from order_placement where id = ?").param(placementId)
                .query((rs, n) -> PlacementStatus.valueOf(rs.getString(1))).optional()
                .orElseThrow(() -> unknown(placementId));
    }

    /**
     * Recomputes the order's status from its placements', and announces the placement's new status if it differs
     * from {@code before} (steps set a status again when they run again; listeners hear of changes only).
     */
    private void refreshOrderStatus(String placementId, PlacementStatus before) {
        PlacementStatusChanged now = jdbc.sql("""
                select p.order_id, o.partner, p.status from order_placement p join print_order o on o.id = p.order_id
                where p.id = ?""").param(placementId)
                .query((rs, n) -> new PlacementStatusChanged(rs.getString(1), placementId, rs.getString(2),
                        PlacementStatus.valueOf(rs.getString(3))))
                .single();
        if (now.status() != before) {
            events.publishEvent(now);
        }
        String orderId = now.orderId();
        List<PlacementStatus> statuses = jdbc.sql("select status from order_placement where order_id = ?")
                .param(orderId).query((rs, n) -> PlacementStatus.valueOf(rs.getString(1))).list();
        jdbc.sql("update print_order set status = ?, updated_at = ? where id = ?")
                .params(OrderStatus.of(statuses).name(), Timestamp.from(clock.instant()), orderId).update();
    }

    private List<OrderPlacement> placementsOf(String orderId) {
        return jdbc.sql("select * from order_placement where order_id = ? order by position").param(orderId)
                .query(this::placementRow).list();
    }

    private OrderPlacement placementRow(ResultSet rs, int n) throws SQLException {
        BigDecimal dpi = rs.getBigDecimal("effective_dpi");
        String reasons = rs.getString("reasons");
        String lane = rs.getString("lane");
        return new OrderPlacement(rs.getString("id"), rs.getString("order_id"), rs.getInt("position"),
                rs.getInt("item_index"), rs.getString("product"), rs.getInt("quantity"), rs.getString("placement"),
                rs.getString("requested_tier"), rs.getString("artwork_id"), PlacementStatus.valueOf(rs.getString("status")),
                rs.getString("chosen_tier"), dpi == null ? null : dpi.setScale(1, java.math.RoundingMode.HALF_UP),
                rs.getBoolean("downgraded"),
                reasons == null || reasons.isBlank() ? List.<ReasonCode>of()
                        : Arrays.stream(reasons.split(",")).map(ReasonCode::valueOf).toList(),
                read(rs.getString("findings_json")), rs.getString("decided_by"), rs.getString("decision_note"),
                printFilesOf(rs.getString("id")), softProofOf(rs.getString("id")), lane == null ? null : ProofLane.Lane.valueOf(lane),
                rs.getString("lane_reason"), approval(rs.getString("id")).orElse(null),
                // placements from before rule sets ran under the bundled folders: rule set 1
                rs.getObject("rule_set") == null ? 1 : rs.getInt("rule_set"), rs.getString("held_by"));
    }

    private SoftProofRecord softProofOf(String placementId) {
        return jdbc.sql("select * from soft_proof where placement_id = ?").param(placementId)
                .query((rs, n) -> new SoftProofRecord(rs.getString("proof_sha256"), rs.getString("gamut_sha256"),
                        rs.getString("mockup_sha256"), rs.getString("before_after_sha256"), rs.getDouble("delta_e_mean"),
                        rs.getDouble("delta_e_p95"), rs.getDouble("out_of_gamut_share"), rs.getDouble("max_total_ink"),
                        rs.getObject("ssim", Double.class)))
                .optional().orElse(null);
    }

    private List<PrintFileRecord> printFilesOf(String placementId) {
        return jdbc.sql("select * from print_file where placement_id = ? order by format").param(placementId)
                .query((rs, n) -> printFileRow(rs)).list();
    }

    private static PrintFileRecord printFileRow(ResultSet rs) throws SQLException {
        return new PrintFileRecord(rs.getString("format"), rs.getString("media_type"), rs.getString("sha256"),
                rs.getLong("bytes"), rs.getInt("width_px"), rs.getInt("height_px"), rs.getInt("dpi"),
                rs.getString("profile_sha256"));
    }

    private String write(List<Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings are plain records and always serialise", e);
        }
    }

    private List<Finding> read(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings column holds JSON written by this class", e);
        }
    }

    private static IllegalArgumentException unknown(String placementId) {
        return new IllegalArgumentException("no placement " + placementId);
    }
}
