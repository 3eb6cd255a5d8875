package dev.platen.rules;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rule-set page: the live rule set and the one being tried side by side, each guardrail's figures now and a plot
 * of it over the canary (candidate against live, as the watch read them). Read-only: changes go through the API.
 */
@Controller
class RuleSetPage {

    private final RuleSets ruleSets;
    private final Guardrails guardrails;
    private final GuardrailReadings readings;

    RuleSetPage(RuleSets ruleSets, Guardrails guardrails, GuardrailReadings readings) {
        this.ruleSets = ruleSets;
        this.guardrails = guardrails;
        this.readings = readings;
    }

    /** One guardrail's plot: two polylines in a 0..W x 0..H box, y growing downwards as SVG has it. */
    record Plot(String guardrail, String candidatePoints, String livePoints, String low, String high, String outcome,
                String candidateNow, String liveNow, String test) {
    }

    static final int WIDTH = 320;
    static final int HEIGHT = 90;

    @GetMapping("/rulesets")
    String page(Model model) {
        RuleSet live = ruleSets.live();
        Optional<RuleSet> tried = ruleSets.tried();
        // The last rule set tried, if none is now: its figures and plots stay on the page after its verdict.
        Optional<RuleSetRow> shown = tried.flatMap(t -> ruleSets.view(t.number())).or(() -> ruleSets.list().stream()
                .filter(r -> r.state() == RuleSetState.ROLLED_BACK || r.state() == RuleSetState.LIVE && r.number() != 1)
                .findFirst());
        model.addAttribute("live", ruleSets.view(live.number()).orElseThrow());
        model.addAttribute("candidate", shown.orElse(null));
        model.addAttribute("all", ruleSets.list());
        if (shown.isPresent()) {
            int number = shown.get().number();
            Guardrails.Figures now = guardrails.of(number, shown.get().shareRun(),
                    shown.get().state() == RuleSetState.LIVE ? previousLive(number) : live.number());
            model.addAttribute("sample", now.sample());
            model.addAttribute("plots", plots(now, readings.of(number)));
        }
        return "rulesets";
    }

    private int previousLive(int promoted) {
        return ruleSets.list().stream().filter(r -> r.state() == RuleSetState.RETIRED && r.number() < promoted)
                .mapToInt(RuleSetRow::number).max().orElse(promoted);
    }

    static List<Plot> plots(Guardrails.Figures now, List<GuardrailReadings.Reading> history) {
        Map<String, List<GuardrailReadings.Reading>> byGuardrail = new LinkedHashMap<>();
        history.forEach(r -> byGuardrail.computeIfAbsent(r.guardrail(), g -> new ArrayList<>()).add(r));
        List<Plot> plots = new ArrayList<>();
        for (Guardrail.Verdict v : now.verdicts()) {
            List<GuardrailReadings.Reading> readings = byGuardrail.getOrDefault(v.guardrail(), List.of());
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (GuardrailReadings.Reading r : readings) {
                for (Double value : new Double[]{r.candidate(), r.live()}) {
                    if (value != null) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
            }
            if (!(high >= low)) {
                low = 0;
                high = 1;
            } else if (high == low) {
                high = low + 1;
            }
            plots.add(new Plot(v.guardrail(), points(readings, true, low, high), points(readings, false, low, high),
                    number(low), number(high), v.outcome().name(), number(v.candidate()), number(v.baseline()),
                    v.test()));
        }
        return plots;
    }

    private static String points(List<GuardrailReadings.Reading> readings, boolean candidate, double low, double high) {
        StringBuilder points = new StringBuilder();
        int n = readings.size();
        for (int i = 0; i < n; i++) {
            Double value = candidate ? readings.get(i).candidate() : readings.get(i).live();
            if (value == null) {
                continue;
            }
            double x = n == 1 ? WIDTH / 2.0 : i * (double) WIDTH / (n - 1);
            double y = HEIGHT - (value - low) / (high - low) * HEIGHT;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().trim();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.3f", value) : "–";
    }
}
