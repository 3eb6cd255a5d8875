package dev.platen.orders;

import dev.platen.artwork.Finding;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ReasonCode;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.platen.orders.PlacementHistory.ENGINE;
import static dev.platen.orders.PlacementStatus.AWAITING_ARTWORK;
import static dev.platen.orders.PlacementStatus.FAILED;
import static dev.platen.orders.PlacementStatus.IN_PROGRESS;
import static dev.platen.orders.PlacementStatus.NEEDS_REVIEW;
import static dev.platen.orders.PlacementStatus.READY_FOR_PRINT;
import static dev.platen.orders.PlacementStatus.REJECTED;

/**
 * A placement's way from its art to print: each step, the status it leaves the placement in, what it records on it,
 * and the entry it adds to the placement's history, in one transaction. A change of status is announced
 * ({@link PlacementStatusChanged}) and brings the order's status along in the same transaction, so the two never
 * disagree.
 *
 * <table>
 *   <caption>The steps, in the order a placement usually meets them</caption>
 *   <tr><th>step</th><th>status after</th><th>records</th><th>history</th></tr>
 *   <tr><td>{@link #startWork}</td><td>IN_PROGRESS</td><td></td><td></td></tr>
 *   <tr><td>{@link #addFindings}</td><td>as it was</td><td>findings</td><td>FINDINGS</td></tr>
 *   <tr><td>{@link #recordTier}</td><td>IN_PROGRESS, or NEEDS_REVIEW when no tier fits</td><td>tier, DPI,
 *       reasons; no lane</td><td>TIER_CHOSEN or HELD_FOR_OPERATOR</td></tr>
 *   <tr><td>{@link #holdForOperator}</td><td>NEEDS_REVIEW</td><td>the same</td><td>HELD_FOR_OPERATOR</td></tr>
 *   <tr><td>{@link #operatorChoseTier}</td><td>IN_PROGRESS</td><td>the same, operator and note</td>
 *       <td>OPERATOR_CHOSE_TIER</td></tr>
 *   <tr><td>{@link #recordPrintFiles}</td><td>as it was</td><td>print files</td><td>PRINT_FILES_MADE</td></tr>
 *   <tr><td>{@link #recordSoftProof}</td><td>as it was</td><td>soft proof, worst finding</td><td>SOFT_PROOF_MADE</td></tr>
 *   <tr><td>{@link #approve}</td><td>READY_FOR_PRINT</td><td>approval of those files and proof, lane</td>
 *       <td>APPROVED</td></tr>
 *   <tr><td>{@link #holdForProofReview}</td><td>NEEDS_REVIEW</td><td>lane REVIEW and reason</td>
 *       <td>HELD_FOR_REVIEW</td></tr>
 *   <tr><td>{@link #holdForCanary}</td><td>IN_PROGRESS</td><td>the held approval, lane</td><td>HELD_FOR_CANARY</td></tr>
 *   <tr><td>{@link #releaseHeld}</td><td>READY_FOR_PRINT</td><td>as {@link #approve}</td><td>APPROVED</td></tr>
 *   <tr><td>{@link #moveToRuleSet}</td><td>as it was</td><td>rule set; nothing held</td>
 *       <td>RULE_SET_ROLLED_BACK</td></tr>
 *   <tr><td>{@link #awaitNewArtwork}</td><td>AWAITING_ARTWORK</td><td>operator and note</td>
 *       <td>NEW_ARTWORK_REQUESTED</td></tr>
 *   <tr><td>{@link #replaceArtwork}</td><td>IN_PROGRESS</td><td>new art and its header's verdict; nothing made
 *       from the old</td><td>ARTWORK_REPLACED</td></tr>
 *   <tr><td>{@link #operatorRejected}</td><td>REJECTED</td><td>operator and reason</td><td>OPERATOR_REJECTED</td></tr>
 *   <tr><td>{@link #fail}</td><td>FAILED</td><td>the message</td><td>FAILED</td></tr>
 *   <tr><td>{@link #recordEscalation}</td><td>as it was</td><td></td><td>ESCALATED</td></tr>
 * </table>
 *
 * <p>The placement's own steps call the package's methods; only what other modules do to a placement (new art from
 * the shop, a failure the engine gives up on, an overdue review, a canary's verdict) is public.
 */
@Service
@Transactional
public class PlacementLifecycle {

    private final JdbcClient jdbc;
    private final OrderBook book;
    private final PlacementHistory history;
    private final PrintFileIndex files;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlacementLifecycle(JdbcClient jdbc, OrderBook book, PlacementHistory history, PrintFileIndex files,
                       RuleSets ruleSets, PlacementRuns runs, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.book = book;
        this.history = history;
        this.files = files;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /** Its art is being inspected: the placement is worked on. */
    void startWork(String placementId) {
        moveTo(placementId, IN_PROGRESS, "");
    }

    /** Adds what a step found on the art to the placement's findings (each finding once). */
    void addFindings(String placementId, List<Finding> found) {
        List<Finding> all = new ArrayList<>(placement(placementId).findings());
        found.stream().filter(f -> !all.contains(f)).forEach(all::add);
        set(placementId, "findings_json = ?", book.findingsColumn(all));
        if (!found.isEmpty()) {
            history.record(placementId, ENGINE, "FINDINGS", found.stream().map(Finding::code)
                    .collect(Collectors.joining(", ")), List.of());
        }
    }

    /**
     * Records the tier the engine chose; with no tier the placement waits for an operator. With a tier it stays
     * in progress until its print files are made.
     */
    void recordTier(String placementId, TierDecision decision) {
        boolean held = decision.chosenTier() == null;
        setTier(placementId, held ? NEEDS_REVIEW : IN_PROGRESS, decision, null, null);
        history.record(placementId, ENGINE, held ? "HELD_FOR_OPERATOR" : "TIER_CHOSEN", describe(decision), List.of());
    }

    /** The decoded art did not bear out its header (or another doubt): an operator must look. */
    void holdForOperator(String placementId, TierDecision decision) {
        setTier(placementId, NEEDS_REVIEW, decision, null, null);
        history.record(placementId, ENGINE, "HELD_FOR_OPERATOR", describe(decision), List.of());
    }

    /** An operator chose the tier to print at, whatever the engine thought; print files come next. */
    void operatorChoseTier(String placementId, TierDecision decision, String operator, @Nullable String note) {
        setTier(placementId, IN_PROGRESS, decision, operator, note);
        history.record(placementId, operator, "OPERATOR_CHOSE_TIER",
                describe(decision) + (note == null ? "" : ": " + note), List.of(placement(placementId).artworkId()));
    }

    /** Records the print files made for the placement's tier; its soft proof comes next. */
    void recordPrintFiles(String placementId, List<PrintFileRecord> made) {
        files.putPrintFiles(placementId, made);
        history.record(placementId, ENGINE, "PRINT_FILES_MADE", made.stream().map(f -> f.format() + " " + f.bytes()
                        + " bytes, " + f.widthPx() + "x" + f.heightPx() + " px at " + f.dpi() + " dpi")
                .collect(Collectors.joining("; ")), made.stream().map(PrintFileRecord::sha256).toList());
    }

    /** Records the placement's soft proof; the proof lane decides next whether a person must look at it. */
    void recordSoftProof(String placementId, SoftProofRecord proof, Optional<WorstFinding> worst) {
        files.putSoftProof(placementId, proof, worst);
        history.record(placementId, ENGINE, "SOFT_PROOF_MADE", String.format(Locale.ROOT,
                        "ΔE2000 mean %.2f, p95 %.2f; %.1f %% out of gamut; max ink %.0f %%", proof.deltaE2000Mean(),
                        proof.deltaE2000P95(), proof.outOfGamutShare() * 100, proof.maxTotalInk()),
                List.of(proof.proofSha256(), proof.gamutSha256(), proof.mockupSha256(), proof.beforeAfterSha256()));
    }

    /**
     * Approves the placement's current print files and soft proof, and makes it ready for print. The approval
     * names those files by their SHA-256: what a partner downloads is exactly what was approved. The lane is the
     * engine's AUTO when it approved on its own; an operator approves a placement the lane sent to REVIEW.
     *
     * @param approvedBy {@value PlacementHistory#ENGINE} when the proof lane approved it on its own
     * @throws IllegalStateException if the placement has no print files or soft proof to approve
     */
    void approve(String placementId, String approvedBy, String laneReason) {
        OrderPlacement p = placement(placementId);
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
        moveTo(placementId, READY_FOR_PRINT, "decided_by = coalesce(?, decided_by), lane = coalesce(lane, ?), "
                + "lane_reason = coalesce(lane_reason, ?)", automatic ? null : approvedBy, laneOf(approvedBy), laneReason);
        List<String> hashes = new ArrayList<>(approval.printFileSha256s());
        hashes.add(approval.proofSha256());
        history.record(placementId, approvedBy, "APPROVED", (automatic ? "approved without review" : "approved on review")
                + " (" + laneReason + ")", hashes);
    }

    /** The proof lane sent the placement to an operator: it waits, with the table's reason, for their decision. */
    void holdForProofReview(String placementId, String laneReason) {
        moveTo(placementId, NEEDS_REVIEW, "lane = ?, lane_reason = ?", ProofLane.Lane.REVIEW.name(), laneReason);
        OrderPlacement p = placement(placementId);
        List<String> hashes = new ArrayList<>(p.printFiles().stream().map(PrintFileRecord::sha256).toList());
        if (p.softProof() != null) {
            hashes.add(p.softProof().proofSha256());
        }
        history.record(placementId, ENGINE, "HELD_FOR_REVIEW", "the proof lane asks for an operator (" + laneReason + ")",
                hashes);
    }

    /**
     * The placement's approval (by the engine's lane or by an operator) waits for the verdict on the canary rule set it
     * ran under: its status is in progress meanwhile, so the shop and partners see work being done, not work to print.
     */
    void holdForCanary(String placementId, String approvedBy, String laneReason, int ruleSet) {
        moveTo(placementId, IN_PROGRESS, "held_by = ?, held_reason = ?, lane = coalesce(lane, ?), "
                + "lane_reason = coalesce(lane_reason, ?)", approvedBy, laneReason, laneOf(approvedBy), laneReason);
        history.record(placementId, approvedBy, "HELD_FOR_CANARY", (ENGINE.equals(approvedBy) ? "approved without review"
                : "approved on review") + " (" + laneReason + "); prints once rule set " + ruleSet + " is promoted",
                List.of());
    }

    /**
     * The rule set a held placement ran under was promoted: its held approval is given now.
     *
     * @return true when this call released it
     */
    public boolean releaseHeld(String placementId) {
        record Held(String by, String reason) {
        }
        Optional<Held> held = jdbc.sql("""
                        select held_by, held_reason from order_placement where id = ? and held_by is not null""")
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
    public boolean moveToRuleSet(String placementId, int from, int to) {
        int rows = jdbc.sql("""
                update order_placement set rule_set = ?, held_by = null, held_reason = null
                where id = ? and coalesce(rule_set, 1) = ?""").params(to, placementId, from).update();
        if (rows != 1) {
            return false;
        }
        runs.started(placementId, ruleSets.number(to), false);
        history.record(placementId, ENGINE, "RULE_SET_ROLLED_BACK", "rule set " + from + " was rolled back; the "
                + "placement runs again on rule set " + to, List.of());
        return true;
    }

    /** An operator asked the shop for new art; the placement waits for it (see {@link #replaceArtwork}). */
    void awaitNewArtwork(String placementId, String operator, String note) {
        moveTo(placementId, AWAITING_ARTWORK, "decided_by = ?, decision_note = ?", operator, note);
        history.record(placementId, operator, "NEW_ARTWORK_REQUESTED", note, List.of(placement(placementId).artworkId()));
    }

    /**
     * The shop sent a new version of the placement's art. What was made from the old one (print files, proof,
     * approval, lane, findings) no longer applies and is dropped from the placement (the files stay in the store
     * and their hashes in the history); the placement starts again from the new art's header verdict, and the
     * process hears of it through {@link ArtworkReplaced}, in this transaction.
     *
     * <p>The art is swapped only if it is still the one read: two requests at once are taken one after the other
     * (the row's lock), and the second finds the art changed. The same art again is then nothing to do, whether the
     * other request committed before or while this one read the placement; other art is {@link PlacementBusy}, to be
     * sent again.
     *
     * @throws IllegalStateException if the art is other than the placement's and the placement is already settled
     *                               (ready for print, rejected or failed)
     */
    public OrderPlacement replaceArtwork(String placementId, String artworkId, TierDecision headerVerdict) {
        OrderPlacement old = placement(placementId);
        if (artworkId.equals(old.artworkId())) {
            // the caller compared with the placement as it read it; a request with the same art may have committed
            // since (READ COMMITTED reads it here): nothing to do, and nothing made from this art is dropped
            return old;
        }
        if (old.status().settled()) {
            throw new IllegalStateException("placement " + placementId + " is " + old.status());
        }
        int swapped = jdbc.sql("""
                update order_placement set artwork_id = ?, findings_json = '[]', decided_by = null, decision_note = null
                where id = ? and artwork_id = ?""").params(artworkId, placementId, old.artworkId()).update();
        if (swapped == 0) {
            OrderPlacement now = placement(placementId);
            if (artworkId.equals(now.artworkId())) {
                return now; // a request with the same art got here first: this one changes nothing
            }
            throw new PlacementBusy("placement " + placementId + " got other art at the same moment", null);
        }
        jdbc.sql("delete from placement_approval where placement_id = ?").param(placementId).update();
        files.forget(placementId);
        setTier(placementId, IN_PROGRESS, headerVerdict, null, null);
        history.record(placementId, "shop", "ARTWORK_REPLACED", "new art; verdict from its header: "
                + describe(headerVerdict), List.of(old.artworkId(), artworkId));
        events.publishEvent(new ArtworkReplaced(old.orderId(), placementId));
        return placement(placementId);
    }

    /** An operator rejected the placement: it is not printed, and the shop reads why. */
    void operatorRejected(String placementId, String operator, String reason) {
        moveTo(placementId, REJECTED, "decided_by = ?, decision_note = ?", operator, reason);
        history.record(placementId, operator, "OPERATOR_REJECTED", reason, List.of(placement(placementId).artworkId()));
    }

    /** The engine gave up on a step of the placement (its retries are used up): the shop reads the message. */
    public void fail(String placementId, String message) {
        moveTo(placementId, FAILED, "decision_note = ?", message);
        history.record(placementId, ENGINE, "FAILED", message, List.of());
        runs.failed(placementId, placement(placementId).ruleSet());
    }

    /** The operator task of a placement went past its due date. */
    public void recordEscalation(String placementId) {
        history.record(placementId, ENGINE, "ESCALATED", "overdue for an operator; priority raised", List.of());
    }

    private OrderPlacement placement(String placementId) {
        return book.placement(placementId).orElseThrow(() -> unknown(placementId));
    }

    /** The lane an approval is given in: the engine approves what its lane let through, an operator what it held. */
    private static String laneOf(String approvedBy) {
        return (ENGINE.equals(approvedBy) ? ProofLane.Lane.AUTO : ProofLane.Lane.REVIEW).name();
    }

    private void setTier(String placementId, PlacementStatus status, TierDecision d, @Nullable String operator,
                         @Nullable String note) {
        moveTo(placementId, status, """
                        chosen_tier = ?, effective_dpi = ?, downgraded = ?, reasons = ?,
                        decided_by = coalesce(?, decided_by), decision_note = coalesce(?, decision_note), lane = null,
                        lane_reason = null""", d.chosenTier(), d.effectiveDpi(), d.downgraded(),
                OrderBook.reasonsColumn(d.reasons()), operator, note);
    }

    /** Sets columns of the placement without changing its status. */
    private void set(String placementId, String assignments, @Nullable Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.add(Timestamp.from(clock.instant()));
        params.add(placementId);
        if (jdbc.sql("update order_placement set " + assignments + ", updated_at = ? where id = ?").params(params)
                .update() != 1) {
            throw unknown(placementId);
        }
    }

    /**
     * Sets the placement's status, with the other columns the step sets ({@code assignments}, may be empty), announces
     * the status if it changed (steps set a status again when they run again; listeners hear of changes only), and
     * brings the order's status along.
     */
    private void moveTo(String placementId, PlacementStatus status, String assignments, @Nullable Object... values) {
        record Before(String orderId, String partner, PlacementStatus status) {
        }
        Before before = jdbc.sql("""
                        select p.order_id, o.partner, p.status from order_placement p
                        join print_order o on o.id = p.order_id where p.id = ?""").param(placementId)
                .query((rs, n) -> new Before(rs.getString(1), rs.getString(2), PlacementStatus.valueOf(rs.getString(3))))
                .optional().orElseThrow(() -> unknown(placementId));
        List<Object> params = new ArrayList<>();
        params.add(status.name());
        params.addAll(Arrays.asList(values));
        params.add(Timestamp.from(clock.instant()));
        params.add(placementId);
        jdbc.sql("update order_placement set status = ?" + (assignments.isEmpty() ? "" : ", " + assignments)
                + ", updated_at = ? where id = ?").params(params).update();
        if (status != before.status()) {
            events.publishEvent(new PlacementStatusChanged(before.orderId(), placementId, before.partner(), status));
        }
        followOrder(before.orderId());
    }

    /**
     * The order's status from its placements'. The order's row is locked before they are read: two placements of one
     * order settling at once, in two transactions, are then counted one after the other, the second seeing the first
     * settled (read before the lock, each would count the other as still in progress, and the order would stay in
     * progress with every placement ready). An update takes the lock, not {@code select ... for update}: on
     * PostgreSQL the rows that refer to the order (a partner's delivery job) take key-share locks on it, which an
     * update's lock lets be and a {@code for update} waits for, deadlocking two such transactions.
     */
    private void followOrder(String orderId) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update print_order set updated_at = ? where id = ?").params(now, orderId).update();
        List<PlacementStatus> statuses = jdbc.sql("select status from order_placement where order_id = ?")
                .param(orderId).query((rs, n) -> PlacementStatus.valueOf(rs.getString(1))).list();
        jdbc.sql("update print_order set status = ? where id = ?").params(OrderStatus.of(statuses).name(), orderId)
                .update();
    }

    private static String describe(TierDecision d) {
        return (d.chosenTier() == null ? "no tier" : "tier " + d.chosenTier()) + (d.effectiveDpi() == null ? ""
                : " at " + d.effectiveDpi().toPlainString() + " DPI") + (d.downgraded() ? ", downgraded" : "")
                + " (" + d.reasons().stream().map(ReasonCode::name).collect(Collectors.joining(", ")) + ")";
    }

    private static IllegalArgumentException unknown(String placementId) {
        return new IllegalArgumentException("no placement " + placementId);
    }
}
