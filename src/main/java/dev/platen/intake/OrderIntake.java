package dev.platen.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.catalog.Catalog;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.catalog.Product;
import dev.platen.delivery.PartnerDirectory;
import dev.platen.orders.NewPlacement;
import dev.platen.orders.Order;
import dev.platen.orders.OrderBook;
import dev.platen.orders.OrderPlacement;
import dev.platen.orders.PlacementLifecycle;
import dev.platen.orders.TierDecision;
import dev.platen.routing.TierChoice;
import dev.platen.routing.TierVerdict;
import dev.platen.rules.RuleSets;
import dev.platen.storage.ContentDigest;
import dev.platen.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a posted order into a stored order with a verdict per placement, computed from the artwork headers
 * alone so the shop gets its answer at once. Handles idempotency keys and dry runs.
 */
@Service
class OrderIntake {

    static final int MAX_PLACEMENTS = 500;

    private final RuleSets ruleSets;
    private final ArtworkShelf artworks;
    private final OrderBook orders;
    private final PlacementLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final PartnerDirectory partners;
    private final Clock clock;

    OrderIntake(RuleSets ruleSets, ArtworkShelf artworks, OrderBook orders, PlacementLifecycle lifecycle,
                JdbcClient jdbc, ObjectMapper json, PartnerDirectory partners, Clock clock) {
        this.clock = clock;
        this.ruleSets = ruleSets;
        this.artworks = artworks;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.json = json;
        this.partners = partners;
    }

    /** The verdict without storing anything. */
    OrderView dryRun(OrderRequest request) {
        List<NewPlacement> placements = verdicts(request);
        List<OrderView.PlacementView> views = new ArrayList<>();
        for (NewPlacement p : placements) {
            views.add(new OrderView.PlacementView(null, p.itemIndex(), p.product(), p.placement(), p.artworkId(),
                    p.requestedTier(), p.chosenTier(), p.effectiveDpi(), p.downgraded(), p.reasons(), null, List.of(),
                    null, null, List.of(), null, null, null, null, ruleSets.live().number()));
        }
        return new OrderView(null, request.reference().trim(), request.partner().trim(), null, true, null, null, views);
    }

    record Accepted(OrderView view, boolean replayed) {
    }

    /**
     * Stores the order and starts its processing. With an idempotency key, a repeat of the same request
     * returns the first response; the same key with another body is refused.
     */
    @Transactional
    Accepted accept(OrderRequest request, @Nullable String idempotencyKey) {
        String requestHash = null;
        if (idempotencyKey != null) {
            requestHash = ContentDigest.sha256Hex(canonical(request).getBytes(StandardCharsets.UTF_8));
            Optional<Accepted> earlier = replay(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<NewPlacement> placements = verdicts(request);
        Order order = orders.create(request.reference().trim(), request.partner().trim(), placements);
        OrderView view = OrderView.of(order);
        if (idempotencyKey != null) {
            jdbc.sql("insert into idempotency_key (idem_key, request_sha256, order_id, response_json, created_at) values (?,?,?,?,?)")
                    .params(idempotencyKey, requestHash, order.id(), canonical(view), Timestamp.from(clock.instant()))
                    .update();
        }
        return new Accepted(view, false);
    }

    /** After a concurrent request with the same key won the race, answer with its result. */
    Optional<Accepted> replay(OrderRequest request, String idempotencyKey) {
        return replay(idempotencyKey, ContentDigest.sha256Hex(canonical(request).getBytes(StandardCharsets.UTF_8)));
    }

    private Optional<Accepted> replay(String key, String requestHash) {
        return jdbc.sql("select request_sha256, response_json from idempotency_key where idem_key = ?").param(key)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(requestHash)) {
                        throw ApiProblem.unprocessable("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key '" + key
                                + "' was already used with a different request body.");
                    }
                    return new Accepted(read(rs.getString(2)), true);
                })
                .optional();
    }

    /**
     * New art for one placement of a stored order, e.g. after an operator asked for it: the verdict comes from the
     * new file's header, as for a new order, and the placement starts again (an open review of the old art is
     * cancelled). Sending the art the placement already has changes nothing, so a retry is harmless.
     */
    @Transactional
    OrderView replaceArtwork(String orderId, String placementId, ArtworkReplacement request) {
        Order order = orders.find(orderId).orElseThrow(() -> ApiProblem.notFound("ORDER_NOT_FOUND",
                "No order with id '" + orderId + "'."));
        OrderPlacement current = order.placements().stream().filter(p -> p.id().equals(placementId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("PLACEMENT_NOT_FOUND", "Order '" + orderId
                        + "' has no placement '" + placementId + "'."));
        if (request == null || request.artwork() == null || request.artwork().isBlank()) {
            throw ApiProblem.unprocessable("MISSING_FIELD", "artwork is required.");
        }
        UploadedArtwork art = artworks.find(request.artwork().trim()).orElseThrow(() -> ApiProblem.unprocessable(
                "UNKNOWN_ARTWORK", "artwork: no artwork with id '" + request.artwork() + "'."));
        if (art.id().equals(current.artworkId())) {
            return OrderView.of(order);
        }
        if (current.status().settled()) {
            throw ApiProblem.conflict("PLACEMENT_SETTLED", "Placement '" + placementId + "' is "
                    + current.status() + "; its art can no longer change.");
        }
        // The verdict by the rules the placement runs under, as its tier choice will be made.
        Catalog catalog = ruleSets.number(current.ruleSet()).catalog();
        Placement placement = catalog.product(current.product()).flatMap(p -> p.placement(current.placement()))
                .orElseThrow(() -> new IllegalStateException("placement " + placementId + " is not in its rule set"));
        LayoutTier requested = placement.tier(current.requestedTier())
                .orElseThrow(() -> new IllegalStateException("tier " + current.requestedTier() + " is not in its rule set"));
        TierVerdict verdict = TierChoice.forArtwork(placement, requested, art.header());
        lifecycle.replaceArtwork(placementId, art.id(), new TierDecision(verdict.chosenId(),
                verdict.effectiveDpi().rounded(), verdict.downgraded(), verdict.reasons()));
        return OrderView.of(orders.find(orderId).orElseThrow());
    }

    private List<NewPlacement> verdicts(OrderRequest request) {
        validateShape(request);
        if (!partners.isKnown(request.partner().trim())) {
            throw ApiProblem.unprocessable("UNKNOWN_PARTNER", "partner: no fulfilment partner '"
                    + request.partner().trim() + "' is configured.");
        }
        List<NewPlacement> placements = new ArrayList<>();
        // Orders are taken on the live rule set's catalog; a canary placement is checked against its own at assignment.
        Catalog catalog = ruleSets.current();
        for (int i = 0; i < request.items().size(); i++) {
            OrderRequest.Item item = request.items().get(i);
            String at = "items[" + i + "]";
            Product product = catalog.product(item.product()).orElseThrow(() -> ApiProblem.unprocessable(
                    "UNKNOWN_PRODUCT", at + ".product: unknown product '" + item.product() + "'."));
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < item.placements().size(); j++) {
                OrderRequest.PlacementRequest pr = item.placements().get(j);
                String pat = at + ".placements[" + j + "]";
                Placement placement = product.placement(pr.placement()).orElseThrow(() -> ApiProblem.unprocessable(
                        "UNKNOWN_PLACEMENT", pat + ".placement: product '" + product.id() + "' has no placement '"
                                + pr.placement() + "'."));
                if (!seen.add(placement.id())) {
                    throw ApiProblem.unprocessable("DUPLICATE_PLACEMENT", pat + ".placement: '" + placement.id()
                            + "' appears twice in the same item.");
                }
                LayoutTier requested = pr.tier() == null ? placement.largestTier()
                        : placement.tier(pr.tier()).orElseThrow(() -> ApiProblem.unprocessable("UNKNOWN_TIER",
                        pat + ".tier: placement '" + placement.id() + "' of '" + product.id() + "' has no tier '"
                                + pr.tier() + "'."));
                if (pr.artwork() == null || pr.artwork().isBlank()) {
                    throw ApiProblem.unprocessable("MISSING_FIELD", pat + ".artwork is required.");
                }
                UploadedArtwork art = artworks.find(pr.artwork().trim()).orElseThrow(() -> ApiProblem.unprocessable(
                        "UNKNOWN_ARTWORK", pat + ".artwork: no artwork with id '" + pr.artwork() + "'."));
                TierVerdict verdict = TierChoice.forArtwork(placement, requested, art.header());
                placements.add(new NewPlacement(i, product.id(), item.quantity(), placement.id(), requested.id(),
                        art.id(), verdict.chosenId(), verdict.effectiveDpi().rounded(),
                        verdict.downgraded(), verdict.reasons()));
            }
        }
        if (placements.size() > MAX_PLACEMENTS) {
            throw ApiProblem.unprocessable("TOO_MANY_PLACEMENTS", "An order may have at most " + MAX_PLACEMENTS
                    + " placements.");
        }
        return placements;
    }

    private static void validateShape(OrderRequest request) {
        if (request == null) {
            throw ApiProblem.unprocessable("MISSING_FIELD", "The order body is empty.");
        }
        require(request.reference(), "reference");
        if (request.reference().length() > 200) {
            throw ApiProblem.unprocessable("INVALID_FIELD", "reference: at most 200 characters.");
        }
        require(request.partner(), "partner");
        if (!request.partner().trim().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")) {
            throw ApiProblem.unprocessable("INVALID_FIELD", "partner: letters, digits, '-', '_' and '.' only.");
        }
        if (request.items() == null || request.items().isEmpty()) {
            throw ApiProblem.unprocessable("MISSING_FIELD", "items: an order needs at least one item.");
        }
        for (int i = 0; i < request.items().size(); i++) {
            OrderRequest.Item item = request.items().get(i);
            if (item == null) {
                throw ApiProblem.unprocessable("MISSING_FIELD", "items[" + i + "] is empty.");
            }
            require(item.product(), "items[" + i + "].product");
            if (item.quantity() == null || item.quantity() < 1 || item.quantity() > 100_000) {
                throw ApiProblem.unprocessable("INVALID_FIELD", "items[" + i + "].quantity: a whole number from 1 to 100000.");
            }
            if (item.placements() == null || item.placements().isEmpty()) {
                throw ApiProblem.unprocessable("MISSING_FIELD", "items[" + i + "].placements: at least one placement.");
            }
            for (int j = 0; j < item.placements().size(); j++) {
                OrderRequest.PlacementRequest p = item.placements().get(j);
                if (p == null) {
                    throw ApiProblem.unprocessable("MISSING_FIELD", "items[" + i + "].placements[" + j + "] is empty.");
                }
                require(p.placement(), "items[" + i + "].placements[" + j + "].placement");
            }
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.unprocessable("MISSING_FIELD", field + " is required.");
        }
    }

    private String canonical(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request and view records always serialise", e);
        }
    }

    private OrderView read(String text) {
        try {
            return json.readValue(text, OrderView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("idempotency_key.response_json holds JSON written by this class", e);
        }
    }
}
