package dev.platen.rules;

import dev.platen.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule-set admin API: upload a bundle, replay it, shadow it, canary it, promote it or roll it back, and read where
 * each stands with its guardrail figures. Behind the {@code RULES} role ({@link RuleSetSecurity}).
 */
@RestController
@RequestMapping("/api/v1/rulesets")
class RuleSetController {

    private final RuleSets ruleSets;
    private final Replay replay;
    private final Guardrails guardrails;
    private final GuardrailReadings readings;
    private final CanaryWatch watch;
    private final RuleSetSettings settings;

    RuleSetController(RuleSets ruleSets, Replay replay, Guardrails guardrails, GuardrailReadings readings,
                      CanaryWatch watch, RuleSetSettings settings) {
        this.ruleSets = ruleSets;
        this.replay = replay;
        this.guardrails = guardrails;
        this.readings = readings;
        this.watch = watch;
        this.settings = settings;
    }

    /** Live, tried and every rule set, newest first. */
    record Status(int live, @Nullable Integer tried, List<RuleSetRow> ruleSets) {
    }

    @GetMapping
    Status status() {
        return new Status(ruleSets.live().number(), ruleSets.tried().map(RuleSet::number).orElse(null), ruleSets.list());
    }

    /** The body is the bundle as a zip (the repository's layout); the same files again answer 200 with their number. */
    @PostMapping(consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<RuleSetRow> upload(InputStream body, @RequestParam(required = false) @Nullable String description,
                                      Authentication admin) throws IOException {
        RuleSets.Uploaded uploaded;
        try {
            uploaded = ruleSets.upload(body, admin.getName(), description == null ? "" : description.strip());
        } catch (InvalidRuleSet e) {
            throw ApiProblem.unprocessable("INVALID_RULE_SET", e.getMessage());
        }
        return ResponseEntity.status(uploaded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/rulesets/" + uploaded.ruleSet().number())).body(uploaded.ruleSet());
    }

    @GetMapping("/{number}")
    RuleSetRow one(@PathVariable int number) {
        return ruleSets.view(number).orElseThrow(() -> unknown(number));
    }

    /**
     * What the rule set would change over the last {@code last} placements' recorded facts; up to {@code samples} of
     * those it would print differently are proofed again under it, their figures beside the recorded ones.
     */
    @PostMapping("/{number}/replay")
    Replay.Report replay(@PathVariable int number, @RequestParam(defaultValue = "200") int last,
                         @RequestParam(defaultValue = "3") int samples) {
        one(number);
        if (last < 1 || last > 10_000) {
            throw ApiProblem.badParameter("last: between 1 and 10000 placements");
        }
        if (samples < 0 || samples > 20) {
            throw ApiProblem.badParameter("samples: between 0 and 20 proofs");
        }
        return replay.of(number, last, samples);
    }

    @PostMapping("/{number}/shadow")
    RuleSetRow shadow(@PathVariable int number) {
        return move(number, Set.of(RuleSetState.CANDIDATE, RuleSetState.CANARY), RuleSetState.SHADOW, null);
    }

    /**
     * @param share of new placements, 0 to 1; the configured default when not given. At 1 no live placement runs
     *              beside the canary, so its render and proof times are not judged (see {@link Guardrails}).
     */
    @PostMapping("/{number}/canary")
    RuleSetRow canary(@PathVariable int number, @RequestParam(required = false) @Nullable Double share) {
        double s = share == null ? settings.canaryShare() : share;
        if (!(s > 0 && s <= 1)) {
            throw ApiProblem.badParameter("share: above 0 and at most 1");
        }
        return move(number, Set.of(RuleSetState.CANDIDATE, RuleSetState.SHADOW), RuleSetState.CANARY, s);
    }

    @PostMapping("/{number}/promote")
    RuleSetRow promote(@PathVariable int number) {
        return move(number, Set.of(RuleSetState.CANDIDATE, RuleSetState.SHADOW, RuleSetState.CANARY),
                RuleSetState.LIVE, null);
    }

    @PostMapping("/{number}/rollback")
    RuleSetRow rollBack(@PathVariable int number) {
        return move(number, Set.of(RuleSetState.SHADOW, RuleSetState.CANARY), RuleSetState.ROLLED_BACK, null);
    }

    /** The guardrails now (candidate against the live rule set), and every reading the watch took, for plots. */
    record GuardrailView(Guardrails.Figures now, List<GuardrailReadings.Reading> readings) {
    }

    @GetMapping("/{number}/guardrails")
    GuardrailView guardrails(@PathVariable int number) {
        RuleSetRow row = one(number);
        return new GuardrailView(guardrails.of(number, row.shareRun(), ruleSets.live().number()), readings.of(number));
    }

    /** Runs the watch's round now, rather than at its next tick (an admin who has seen enough). */
    @PostMapping("/watch")
    Status watchNow() {
        watch.round();
        return status();
    }

    @GetMapping("/{number}/shadow")
    Map<String, Object> shadowDifferences(@PathVariable int number) {
        one(number);
        return readings.shadowDifferences(number);
    }

    private RuleSetRow move(int number, Set<RuleSetState> from, RuleSetState to, @Nullable Double share) {
        RuleSetRow row = one(number);
        if (!from.contains(row.state())) {
            throw ApiProblem.conflict("RULE_SET_STATE", "rule set " + number + " is " + row.state()
                    + "; it can become " + to + " from " + from.stream().sorted().toList());
        }
        String verdict = to == RuleSetState.LIVE || to == RuleSetState.ROLLED_BACK
                ? watch.write(guardrails.of(number, row.shareRun(), ruleSets.live().number())) : null;
        if (!ruleSets.move(number, row.state(), to, share, verdict)) {
            throw ApiProblem.conflict("RULE_SET_STATE", "rule set " + number + " changed meanwhile; read it again");
        }
        return one(number);
    }

    private static ApiProblem unknown(int number) {
        return ApiProblem.notFound("UNKNOWN_RULE_SET", "no rule set " + number);
    }
}
