package dev.platen.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.orders.Order;
import dev.platen.orders.OrderBook;
import dev.platen.orders.OrderPlacement;
import dev.platen.orders.OrderStatus;
import dev.platen.orders.PlacementStatus;
import dev.platen.orders.PlacementStatusChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhooks to partners. An event is recorded in the transaction that changed the placement, with the exact
 * body that will be posted; {@link WebhookEventRecorded} then has it delivered asynchronously (by the
 * {@code partner-webhook} process), and every attempt is logged, whatever its outcome.
 *
 * <p>Events: {@code placement.ready}, {@code placement.rejected}, {@code placement.on_hold} (an operator must
 * look), and {@code order.ready} once every placement of the order is ready. Only partners with a webhook URL
 * get events.
 */
@Service
public class PartnerWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PartnerWebhooks.class);

    private final JdbcClient jdbc;
    private final OrderBook orders;
    private final PartnerDirectory partners;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final DeliverySettings settings;
    private final TransactionTemplate ownTransaction;
    private final HttpClient http;

    PartnerWebhooks(JdbcClient jdbc, OrderBook orders, PartnerDirectory partners, ApplicationEventPublisher events,
                    ObjectMapper json, Clock clock, DeliverySettings settings, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.partners = partners;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // Redirects are not followed: a webhook is signed for the URL configured, not for wherever it is sent on.
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @EventListener
    void on(PlacementStatusChanged change) {
        Optional<Partner> partner = partners.find(change.partner()).filter(Partner::hasWebhook);
        if (partner.isEmpty()) {
            return;
        }
        String type = switch (change.status()) {
            case READY_FOR_PRINT -> "placement.ready";
            case REJECTED -> "placement.rejected";
            case NEEDS_REVIEW, AWAITING_ARTWORK -> "placement.on_hold";
            default -> null;
        };
        if (type == null) {
            return; // work under way: nothing a partner hears of, and the order cannot have become ready
        }
        Order order = orders.find(change.orderId()).orElseThrow();
        OrderPlacement placement = order.placements().stream().filter(p -> p.id().equals(change.placementId()))
                .findFirst().orElseThrow();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", placement.id());
        subject.put("product", placement.product());
        subject.put("placement", placement.placement());
        subject.put("status", change.status().name());
        subject.put("tier", placement.chosenTier());
        // why it prints at this tier (LOW_DPI_DOWNGRADED when the engine stepped down to a smaller tested tier): a
        // partner that packs or invoices by print size learns of a downgrade with the event, not from a reprint
        subject.put("requestedTier", placement.requestedTier());
        subject.put("downgraded", placement.downgraded());
        subject.put("reasons", placement.reasons());
        if (change.status() == PlacementStatus.READY_FOR_PRINT) {
            subject.put("manifest", PartnerApiSecurity.PATH + "/jobs/" + placement.id() + "/manifest");
        }
        if (change.status() == PlacementStatus.REJECTED) {
            subject.put("reason", placement.decisionNote());
        }
        record(change.partner(), type, order, placement.id(), subject);
        // The order is ready when its last placement is; the order book recomputes the order's own status just
        // after announcing the change, so it is derived here from the placements, which are already updated.
        OrderStatus orderStatus = OrderStatus.of(order.placements().stream().map(OrderPlacement::status).toList());
        if (orderStatus == OrderStatus.READY_FOR_PRINT) {
            Map<String, Object> orderSubject = new LinkedHashMap<>();
            orderSubject.put("placements", order.placements().stream().map(OrderPlacement::id).toList());
            record(change.partner(), "order.ready", order, null, orderSubject);
        }
    }

    /**
     * Records the event unless the subject's latest event already says the same: a placement back on hold after an
     * operator chose another tier was on hold for the partner all along. The id is derived from the fact.
     *
     * @param subject what the event says of the placement, or (placementId null) of the order
     */
    private void record(String partner, String type, Order order, @Nullable String placementId,
                        Map<String, Object> subject) {
        List<String> earlier = jdbc.sql("""
                select event_type from webhook_event where order_id = ? and coalesce(placement_id, '') = ?
                order by subject_seq desc""").params(order.id(), placementId == null ? "" : placementId)
                .query(String.class).list();
        if (!earlier.isEmpty() && earlier.get(0).equals(type)) {
            return;
        }
        String subjectId = placementId == null ? order.id() : placementId;
        String id = UUID.nameUUIDFromBytes(("platen-webhook\n" + partner + "\n" + subjectId + "\n" + type + "\n"
                + earlier.size()).getBytes(StandardCharsets.UTF_8)).toString();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("occurredAt", now.toString());
        body.put("partner", partner);
        Map<String, Object> orderPart = new LinkedHashMap<>();
        orderPart.put("id", order.id());
        orderPart.put("reference", order.reference());
        body.put("order", orderPart);
        if (placementId == null) {
            orderPart.putAll(subject);
        } else {
            body.put("placement", subject);
        }
        jdbc.sql("""
                insert into webhook_event (id, partner, event_type, order_id, placement_id, subject_seq, occurred_at,
                    body) values (?,?,?,?,?,?,?,?)""")
                .params(id, partner, type, order.id(), placementId, earlier.size(), Timestamp.from(now), write(body))
                .update();
        events.publishEvent(new WebhookEventRecorded(id, partner, type));
    }

    /**
     * Posts the event to its partner, signed (see {@link WebhookSignature}), and logs the attempt. An event
     * already delivered is not posted again.
     *
     * @throws WebhookNotDelivered when the partner's server did not answer with a 2xx, so that it is retried
     */
    @Transactional
    public void deliver(String eventId) {
        StoredEvent event = jdbc.sql("select partner, event_type, body, delivered_at from webhook_event where id = ?")
                .param(eventId)
                .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) != null))
                .optional().orElseThrow(() -> new IllegalArgumentException("no webhook event " + eventId));
        if (event.delivered()) {
            return;
        }
        Partner partner = partners.find(event.partner()).filter(Partner::hasWebhook).orElseThrow(() ->
                new WebhookNotDelivered("partner " + event.partner() + " has no webhook URL configured any more", null));
        // hasWebhook: a URL, and with it a secret (PartnerDirectory checks both at start)
        URI url = Objects.requireNonNull(partner.webhookUrl());
        String secret = Objects.requireNonNull(partner.webhookSecret());
        Instant started = clock.instant();
        long timestamp = started.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Platen-Webhooks")
                .header(WebhookSignature.ID_HEADER, eventId)
                .header(WebhookSignature.TYPE_HEADER, event.type())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature(secret).sign(timestamp, event.body()))
                .POST(HttpRequest.BodyPublishers.ofString(event.body(), StandardCharsets.UTF_8))
                .build();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "answered HTTP " + status;
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        boolean delivered = error == null;
        logAttempt(eventId, event.partner(), started, url, status, error, millis, delivered);
        if (!delivered) {
            log.info("Webhook {} to {} not delivered: {}", eventId, event.partner(), error);
            throw new WebhookNotDelivered("webhook " + eventId + " to partner " + event.partner() + " at " + url + " "
                    + error, null);
        }
        jdbc.sql("update webhook_event set delivered_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), eventId).update();
    }

    private record StoredEvent(String partner, String type, String body, boolean delivered) {
    }

    private void logAttempt(String eventId, String partner, Instant at, URI url, @Nullable Integer status,
                            @Nullable String error, long millis, boolean delivered) {
        ownTransaction.executeWithoutResult(tx -> {
            int attempt = jdbc.sql("select count(*) from webhook_attempt where event_id = ?").param(eventId)
                    .query(Integer.class).single() + 1;
            jdbc.sql("""
                    insert into webhook_attempt (event_id, partner, attempt, attempted_at, url, status_code, error,
                        duration_ms, delivered) values (?,?,?,?,?,?,?,?,?)""")
                    .params(eventId, partner, attempt, Timestamp.from(at), url.toString(), status,
                            error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error,
                            millis, delivered)
                    .update();
        });
    }

    /** One attempt to deliver a webhook, as the partner API lists it. */
    record Attempt(long id, String eventId, String eventType, int attempt, Instant attemptedAt, String url,
                          @Nullable Integer statusCode, @Nullable String error, long durationMs, boolean delivered) {
    }

    List<Attempt> attempts(String partner, @Nullable String eventId, @Nullable Long before, int limit) {
        String sql = "select a.*, e.event_type from webhook_attempt a join webhook_event e on e.id = a.event_id"
                + " where a.partner = :partner" + (eventId == null ? "" : " and a.event_id = :event")
                + (before == null ? "" : " and a.id < :before") + " order by a.id desc fetch first :limit rows only";
        var query = jdbc.sql(sql).param("partner", partner).param("limit", limit);
        if (eventId != null) {
            query = query.param("event", eventId);
        }
        if (before != null) {
            query = query.param("before", before);
        }
        return query.query((rs, n) -> {
            int code = rs.getInt("status_code");
            Integer status = rs.wasNull() ? null : code;
            return new Attempt(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                    rs.getInt("attempt"), rs.getTimestamp("attempted_at").toInstant(), rs.getString("url"),
                    status, rs.getString("error"), rs.getLong("duration_ms"),
                    rs.getBoolean("delivered"));
        }).list();
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
