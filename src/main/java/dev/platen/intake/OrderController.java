package dev.platen.intake;

import dev.platen.orders.OrderBook;
import dev.platen.orders.PlacementHistory;
import dev.platen.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Orders: post one and get the verdict per placement at once; read its live status later. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final OrderIntake intake;
    private final OrderBook orders;
    private final PlacementHistory history;

    OrderController(OrderIntake intake, OrderBook orders, PlacementHistory history) {
        this.intake = intake;
        this.orders = orders;
        this.history = history;
    }

    @PostMapping
    ResponseEntity<OrderView> post(@RequestBody OrderRequest request,
                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                   @RequestHeader(value = "Idempotency-Key", required = false)
                                   @Nullable String idempotencyKey) {
        if (dryRun) {
            return ResponseEntity.ok(intake.dryRun(request));
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > 255) {
            throw ApiProblem.unprocessable("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key: at most 255 characters.");
        }
        OrderIntake.Accepted accepted;
        try {
            accepted = intake.accept(request, key);
        } catch (DuplicateKeyException raced) {
            if (key == null) {
                throw raced; // no key, no race on one: some other row was a duplicate
            }
            // A concurrent request with the same key committed first; ours was rolled back whole.
            accepted = intake.replay(request, key).orElseThrow(() -> raced);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/orders/" + accepted.view().id()))
                .header("Idempotent-Replayed", Boolean.toString(accepted.replayed()))
                .body(accepted.view());
    }

    /** New art for a placement that is not settled yet; answers the order with the placement's new verdict. */
    @PutMapping("/{orderId}/placements/{placementId}/artwork")
    OrderView replaceArtwork(@PathVariable String orderId, @PathVariable String placementId,
                             @RequestBody ArtworkReplacement request) {
        return intake.replaceArtwork(orderId, placementId, request);
    }

    @GetMapping("/{id}")
    OrderView get(@PathVariable String id) {
        return orders.find(id).map(OrderView::of)
                .orElseThrow(() -> ApiProblem.notFound("ORDER_NOT_FOUND", "No order with id '" + id + "'."));
    }

    /**
     * The placement's history, oldest first: every step and decision with who made it, under which rule set, and the
     * SHA-256 of each file it made or approved.
     */
    @GetMapping("/{orderId}/placements/{placementId}/history")
    java.util.List<dev.platen.orders.PlacementEvent> history(@PathVariable String orderId, @PathVariable String placementId) {
        boolean ofThisOrder = orders.placement(placementId).filter(p -> p.orderId().equals(orderId)).isPresent();
        if (!ofThisOrder) {
            throw ApiProblem.notFound("PLACEMENT_NOT_FOUND", "Order '" + orderId + "' has no placement '" + placementId + "'.");
        }
        return history.of(placementId);
    }
}
