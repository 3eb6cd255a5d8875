package dev.platen.rules;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The guardrails of a canary over time, as the watch read them, and a shadow's differences counted. */
@Service
class GuardrailReadings {

    private final JdbcClient jdbc;

    GuardrailReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Reading(Instant at, String guardrail, @Nullable Double candidate, @Nullable Double live, int candidateSample,
                   String outcome) {
    }

    void record(Guardrails.Figures figures, Instant at) {
        for (Guardrail.Verdict v : figures.verdicts()) {
            jdbc.sql("""
                    insert into guardrail_reading (rule_set, read_at, guardrail, candidate_value, live_value,
                        candidate_sample, outcome) values (?,?,?,?,?,?,?)""")
                    .params(figures.candidate(), Timestamp.from(at), v.guardrail(), finite(v.candidate()),
                            finite(v.baseline()), v.candidateSample(), v.outcome().name()).update();
        }
    }

    List<Reading> of(int ruleSet) {
        return jdbc.sql("select * from guardrail_reading where rule_set = ? order by read_at, guardrail")
                .param(ruleSet)
                .query((rs, n) -> new Reading(rs.getTimestamp("read_at").toInstant(), rs.getString("guardrail"),
                        rs.getObject("candidate_value", Double.class), rs.getObject("live_value", Double.class),
                        rs.getInt("candidate_sample"), rs.getString("outcome")))
                .list();
    }

    /** Per step: decisions compared, and the ones that differ with the two outcomes. */
    Map<String, Object> shadowDifferences(int ruleSet) {
        record Row(String placementId, String step, String live, String candidate) {
        }
        List<Row> rows = jdbc.sql("""
                select placement_id, step, live_outcome, candidate_outcome from shadow_decision
                where rule_set = ? order by recorded_at desc""").param(ruleSet)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String step : List.of("TIER", "LANE")) {
            List<Row> of = rows.stream().filter(r -> r.step().equals(step)).toList();
            List<Row> different = of.stream().filter(r -> !r.live().equals(r.candidate())).toList();
            out.put(step.toLowerCase(Locale.ROOT), Map.of("compared", of.size(), "different", different.size(),
                    "differences", different));
        }
        return out;
    }

    private static @Nullable Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
