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
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The order book: takes an order in, and reads orders and placements back. What happens to a placement afterwards is
 * {@link PlacementLifecycle}'s, its history {@link PlacementHistory}'s, and its files {@link PrintFileIndex}'s.
 *
 * <p>A read is one statement, however many placements the order has: the order, its placements, their soft proofs and
 * approvals and their print files joined (a placement has a row per print file). One statement sees one state of the
 * database, so a placement never shows the print files of one render beside the approval of another, and it holds a
 * pool connection once, briefly.
 */
@Service
public class OrderBook {

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private static final String COLUMNS = """
            select o.id as order_id, o.reference, o.partner, o.status as order_status, o.created_at as order_created_at,
                o.updated_at as order_updated_at,
                p.id, p.position, p.item_index, p.product, p.quantity, p.placement, p.requested_tier, p.artwork_id,
                p.status, p.chosen_tier, p.effective_dpi, p.downgraded, p.reasons, p.findings_json, p.decided_by,
                p.decision_note, p.lane, p.lane_reason, p.rule_set, p.held_by,
                s.proof_sha256, s.gamut_sha256, s.mockup_sha256, s.before_after_sha256, s.delta_e_mean, s.delta_e_p95,
                s.out_of_gamut_share, s.max_total_ink, s.ssim,
                a.approved_by, a.approved_at, a.automatic, a.lane_reason as approved_lane_reason, a.print_file_sha256s,
                a.proof_sha256 as approved_proof_sha256,
                f.format, f.media_type, f.sha256, f.bytes, f.width_px, f.height_px, f.dpi, f.profile_sha256
            """;
    // what was made for each placement: its soft proof, its approval, and a row per print file
    private static final String MADE = """
            left join soft_proof s on s.placement_id = p.id
            left join placement_approval a on a.placement_id = p.id
            left join print_file f on f.placement_id = p.id
            """;
    // from the order when the order is asked for (an order without placements is still one), from the placement when
    // a placement is: either way the first table is found by its key
    private static final String ORDER = COLUMNS + "from print_order o left join order_placement p on p.order_id = o.id\n"
            + MADE + "where o.id = ? order by p.position, f.format";
    private static final String PLACEMENT = COLUMNS + "from order_placement p join print_order o on o.id = p.order_id\n"
            + MADE + "where p.id = ? order by f.format";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final PlacementHistory history;

    OrderBook(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, RuleSets ruleSets,
              PlacementRuns runs, PlacementHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Stores a new order, each placement on the rule set it is assigned and with the verdict from its art's header,
     * and announces it ({@link OrderAccepted}): its processing starts in the same transaction.
     */
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
            history.record(id, PlacementHistory.ENGINE, "RECEIVED", "requested " + p.requestedTier()
                    + "; verdict from the header: " + (p.chosenTier() == null ? "no tier fits" : p.chosenTier())
                    + " (" + p.reasons().stream().map(ReasonCode::name).collect(Collectors.joining(", ")) + ")"
                    + "; rule set " + rules.number() + (canary ? " (canary)" : ""), List.of(p.artworkId()));
        }
        events.publishEvent(new OrderAccepted(orderId, List.copyOf(ids)));
        return find(orderId).orElseThrow();
    }

    /** The order with its placements, in the order's order. */
    public Optional<Order> find(String orderId) {
        return jdbc.sql(ORDER).param(orderId).query(rs -> !rs.next() ? Optional.<Order>empty()
                : Optional.of(new Order(rs.getString("order_id"), rs.getString("reference"), rs.getString("partner"),
                OrderStatus.valueOf(rs.getString("order_status")), rs.getTimestamp("order_created_at").toInstant(),
                rs.getTimestamp("order_updated_at").toInstant(), placements(rs))));
    }

    public Optional<OrderPlacement> placement(String placementId) {
        return jdbc.sql(PLACEMENT).param(placementId)
                .query(rs -> rs.next() ? placements(rs).stream().findFirst() : Optional.<OrderPlacement>empty());
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

    /** The reason codes as the {@code reasons} column holds them: their names, comma-separated. */
    static String reasonsColumn(List<ReasonCode> reasons) {
        return reasons.stream().map(ReasonCode::name).collect(Collectors.joining(","));
    }

    /** The findings as the {@code findings_json} column holds them. */
    String findingsColumn(List<Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings are plain records and always serialise", e);
        }
    }

    /**
     * The placements of the joined rows from the current one on: consecutive rows of one placement (one per print
     * file, or one with none) are folded into it. A row without a placement is an order without any.
     */
    private List<OrderPlacement> placements(ResultSet rs) throws SQLException {
        List<OrderPlacement> placements = new ArrayList<>();
        OrderPlacement current = null;
        List<PrintFileRecord> files = new ArrayList<>();
        do {
            String id = rs.getString("id");
            if (id == null) {
                continue;
            }
            if (current != null && !current.id().equals(id)) {
                placements.add(current.withPrintFiles(files));
                current = null;
                files = new ArrayList<>();
            }
            if (current == null) {
                current = placementRow(rs);
            }
            if (rs.getString("sha256") != null) {
                files.add(PrintFileIndex.printFileRow(rs));
            }
        } while (rs.next());
        if (current != null) {
            placements.add(current.withPrintFiles(files));
        }
        return placements;
    }

    /** The placement of the current row, its print files left for {@link #placements} to add. */
    private OrderPlacement placementRow(ResultSet rs) throws SQLException {
        BigDecimal dpi = rs.getBigDecimal("effective_dpi");
        String lane = rs.getString("lane");
        return new OrderPlacement(rs.getString("id"), rs.getString("order_id"), rs.getInt("position"),
                rs.getInt("item_index"), rs.getString("product"), rs.getInt("quantity"), rs.getString("placement"),
                rs.getString("requested_tier"), rs.getString("artwork_id"),
                PlacementStatus.valueOf(rs.getString("status")), rs.getString("chosen_tier"),
                dpi == null ? null : dpi.setScale(1, RoundingMode.HALF_UP), rs.getBoolean("downgraded"), reasons(rs.getString("reasons")), findings(rs.getString("findings_json")),
                rs.getString("decided_by"), rs.getString("decision_note"), List.of(), softProofRow(rs),
                lane == null ? null : ProofLane.Lane.valueOf(lane), rs.getString("lane_reason"), approvalRow(rs),
                // placements from before rule sets ran under the bundled folders: rule set 1
                rs.getObject("rule_set") == null ? 1 : rs.getInt("rule_set"), rs.getString("held_by"));
    }

    private static @Nullable SoftProofRecord softProofRow(ResultSet rs) throws SQLException {
        return rs.getString("proof_sha256") == null ? null
                : new SoftProofRecord(rs.getString("proof_sha256"), rs.getString("gamut_sha256"),
                rs.getString("mockup_sha256"), rs.getString("before_after_sha256"), rs.getDouble("delta_e_mean"),
                rs.getDouble("delta_e_p95"), rs.getDouble("out_of_gamut_share"), rs.getDouble("max_total_ink"),
                rs.getObject("ssim", Double.class));
    }

    private static @Nullable Approval approvalRow(ResultSet rs) throws SQLException {
        return rs.getString("approved_by") == null ? null
                : new Approval(rs.getString("approved_by"), rs.getTimestamp("approved_at").toInstant(),
                rs.getBoolean("automatic"), rs.getString("approved_lane_reason"),
                Arrays.asList(rs.getString("print_file_sha256s").split(",")), rs.getString("approved_proof_sha256"));
    }

    private static List<ReasonCode> reasons(String column) {
        return column == null || column.isBlank() ? List.of()
                : Arrays.stream(column.split(",")).map(ReasonCode::valueOf).toList();
    }

    private List<Finding> findings(String column) {
        try {
            return column == null ? List.of() : json.readValue(column, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings column holds JSON written by the order book", e);
        }
    }
}
