package dev.platen;

import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A placement that starts again under a rule set it already ran on (moved back onto the live set after a rollback)
 * keeps its one run row, and the transaction it starts in goes on. On PostgreSQL a caught duplicate-key error used
 * to leave that transaction aborted: every statement after it failed ("current transaction is aborted"), and the
 * whole move with it. Runs on H2 and, in the PostgreSQL pass, on PostgreSQL, where it failed before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class PlacementRunsIntegrationTest {

    @Autowired
    PlacementRuns runs;
    @Autowired
    RuleSets ruleSets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aSecondStartUnderTheSameRuleSetKeepsOneRunAndItsTransactionGoesOn() {
        String placement = UUID.randomUUID().toString();
        long rowsSeenInTheTransaction = transaction.execute(status -> {
            runs.started(placement, ruleSets.live(), false);
            runs.started(placement, ruleSets.live(), false);
            return jdbc.sql("select count(*) from placement_run where placement_id = ?").param(placement)
                    .query(Long.class).single();
        });
        assertThat(rowsSeenInTheTransaction).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from placement_run where placement_id = ?").param(placement)
                .query(Long.class).single()).as("committed").isEqualTo(1);
    }
}
