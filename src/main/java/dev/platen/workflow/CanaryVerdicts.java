package dev.platen.workflow;

import dev.platen.orders.OrderBook;
import dev.platen.orders.PlacementLifecycle;
import dev.platen.rules.RuleSetPromoted;
import dev.platen.rules.RuleSetRolledBack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries a canary's verdict to its placements. A promotion gives each held approval and lets the placement end
 * printable; a rollback moves each unsettled placement onto the live rule set and starts it again from its art, so
 * the shop and partners see the same work, later. Each placement in a transaction of its own, the move and the
 * message together; both are idempotent (a placement already moved or released is skipped), since the canary watch
 * announces each verdict again on every round for whatever a node left half done.
 */
@Component
class CanaryVerdicts {

    private static final Logger log = LoggerFactory.getLogger(CanaryVerdicts.class);

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final PlacementMessages messages;
    private final TransactionTemplate transactions;

    CanaryVerdicts(OrderBook book, PlacementLifecycle lifecycle, PlacementMessages messages,
                   TransactionTemplate transactions) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.messages = messages;
        this.transactions = transactions;
    }

    @EventListener
    void on(RuleSetPromoted promoted) {
        for (OrderBook.PlacementOnRuleSet p : book.unsettledOn(promoted.number(), true)) {
            transactions.executeWithoutResult(tx -> {
                if (lifecycle.releaseHeld(p.placementId())) {
                    messages.releaseFromCanary(p.orderId(), p.placementId());
                }
            });
        }
    }

    @EventListener
    void on(RuleSetRolledBack rolledBack) {
        int moved = 0;
        for (OrderBook.PlacementOnRuleSet p : book.unsettledOn(rolledBack.number(), false)) {
            Boolean done = transactions.execute(tx -> {
                if (!lifecycle.moveToRuleSet(p.placementId(), rolledBack.number(), rolledBack.live())) {
                    return false;
                }
                messages.startAgain(p.orderId(), p.placementId());
                return true;
            });
            moved += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (moved > 0) {
            log.info("Rule set {} rolled back: {} placements run again on rule set {}", rolledBack.number(), moved,
                    rolledBack.live());
        }
    }
}
