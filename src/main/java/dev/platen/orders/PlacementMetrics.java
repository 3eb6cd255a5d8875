package dev.platen.orders;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The quality of what goes to print, as distributions over placements that became ready for print on this
 * node: {@code platen.placement.effective-dpi} (tags {@code product}, {@code tier}) and {@code platen.proof.delta-e-p95} (the
 * 95th-percentile ΔE2000 of the soft proof). Recorded after the change is committed, so a rolled-back step
 * (a node killed, a job retried) is not counted. Service-level buckets at the DPI a tier is tested at (150, 300)
 * and at the ΔE a viewer starts to notice (1, 2, 3, 5) are published for Prometheus-style histograms.
 */
@Component
class PlacementMetrics {

    private static final Logger log = LoggerFactory.getLogger(PlacementMetrics.class);

    private final OrderBook book;
    private final MeterRegistry registry;

    PlacementMetrics(OrderBook book, MeterRegistry registry) {
        this.book = book;
        this.registry = registry;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void readyForPrint(PlacementStatusChanged change) {
        if (change.status() != PlacementStatus.READY_FOR_PRINT) {
            return;
        }
        try {
            book.placement(change.placementId()).ifPresent(this::record);
        } catch (RuntimeException e) {
            // The placement is committed and fine; a lost sample must not fail the job that committed it.
            log.warn("placement {} not counted in the metrics: {}", change.placementId(), e.toString());
        }
    }

    private void record(OrderPlacement placement) {
        if (placement.effectiveDpi() != null) {
            DistributionSummary.builder("platen.placement.effective-dpi").baseUnit("dpi")
                    .description("Effective DPI of placements ready for print").tag("product", placement.product()).tag("tier", String.valueOf(placement.chosenTier()))
                    .serviceLevelObjectives(150, 200, 300).publishPercentiles(0.05, 0.5)
                    .register(registry).record(placement.effectiveDpi().doubleValue());
        }
        if (placement.softProof() != null) {
            DistributionSummary.builder("platen.proof.delta-e-p95")
                    .description("95th-percentile ΔE2000 of the soft proofs of placements ready for print")
                    .serviceLevelObjectives(1, 2, 3, 5).publishPercentiles(0.5, 0.95)
                    .register(registry).record(placement.softProof().deltaE2000P95());
        }
    }
}
