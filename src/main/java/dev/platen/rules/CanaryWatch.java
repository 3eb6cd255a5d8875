package dev.platen.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the canary on every node: computes its guardrails, rolls it back on a breach and promotes it once every
 * guardrail has held over its sample (or leaves that to an admin). Nodes race harmlessly: the state change is
 * conditional ({@link RuleSets#move}), so one of them makes it. Each round also announces the last promotion and the
 * recent rollbacks again, so that placements a node died before releasing or moving are picked up by another.
 */
@Component
class CanaryWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CanaryWatch.class);

    private final RuleSets ruleSets;
    private final Guardrails guardrails;
    private final RuleSetSettings settings;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final GuardrailReadings readings;
    private final Clock clock;
    private final Map<String, double[]> gauges = new ConcurrentHashMap<>();
    private @Nullable ScheduledExecutorService timer;

    CanaryWatch(RuleSets ruleSets, Guardrails guardrails, RuleSetSettings settings, ApplicationEventPublisher events,
                JdbcClient jdbc, ObjectMapper json, MeterRegistry meters, GuardrailReadings readings, Clock clock) {
        this.clock = clock;
        this.readings = readings;
        this.ruleSets = ruleSets;
        this.guardrails = guardrails;
        this.settings = settings;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.meters = meters;
    }

    /** One round; also what an admin's "check now" runs. */
    synchronized void round() {
        ruleSets.tried().filter(c -> c.state() == RuleSetState.CANARY).ifPresent(candidate -> {
            Guardrails.Figures figures = guardrails.of(candidate.number(), candidate.canaryShare(),
                    ruleSets.live().number());
            publish(candidate, figures);
            readings.record(figures, clock.instant());
            if (figures.breached()) {
                if (ruleSets.move(candidate.number(), RuleSetState.CANARY, RuleSetState.ROLLED_BACK, null, write(figures))) {
                    log.warn("Rule set {} rolled back by its guardrails: {}", candidate.number(), figures.verdicts());
                }
            } else if (figures.held() && figures.decided() >= settings.promoteAfter() && settings.autoPromote()) {
                // Judging starts at min-sample, promotion waits for promote-after: a sample just large enough to judge
                // is too small to show a moderate rise, and "no breach seen yet" is not "no breach".
                ruleSets.move(candidate.number(), RuleSetState.CANARY, RuleSetState.LIVE, null, write(figures));
            }
        });
        // Again, for what a node may have left half done: both listeners are idempotent.
        events.publishEvent(new RuleSetPromoted(ruleSets.live().number()));
        jdbc.sql("select number from rule_set where state = 'ROLLED_BACK' and state_since > ?")
                .param(java.sql.Timestamp.from(clock.instant().minus(1, ChronoUnit.DAYS))).query(Integer.class).list()
                .forEach(n -> events.publishEvent(new RuleSetRolledBack(n, ruleSets.live().number())));
    }

    /** Each guardrail's candidate and live figure as gauges tagged by rule set, for dashboards beside the page. */
    private void publish(RuleSet candidate, Guardrails.Figures figures) {
        for (Guardrail.Verdict v : figures.verdicts()) {
            for (String side : List.of("candidate", "live")) {
                String key = candidate.label() + "|" + v.guardrail() + "|" + side;
                double[] holder = gauges.computeIfAbsent(key, k -> {
                    double[] h = {Double.NaN};
                    meters.gauge("platen.ruleset.guardrail", Tags.of("ruleSet", side.equals("candidate")
                            ? candidate.label() : "rs-" + figures.live(), "guardrail", v.guardrail(), "side", side),
                            h, a -> a[0]);
                    return h;
                });
                holder[0] = side.equals("candidate") ? v.candidate() : v.baseline();
            }
        }
    }

    String write(Guardrails.Figures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures are plain records", e);
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "canary-watch");
            t.setDaemon(true);
            return t;
        });
        long every = settings.watchEvery().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (RuntimeException e) {
                // the next round tries again; a watch that stopped would leave a bad candidate running
                log.error("Canary watch round failed", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
