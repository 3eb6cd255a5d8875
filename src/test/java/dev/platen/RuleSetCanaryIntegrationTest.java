package dev.platen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.HeadlessChromium;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.RuleSetZips;
import dev.platen.testing.TestArtwork;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule change as an admin makes it, through the rule-set API of a running engine: replay over recorded placements,
 * then a canary that its guardrails roll back (a lane table that approves everything) or promote (a harmless edit).
 * The canaries run on every new placement (share 1.0) with a small sample, so that a handful of orders decides them;
 * the one judged on render time runs on half, since times are compared with the live placements beside it.
 * The candidates are the bundled files with one edit each, zipped here as an admin would.
 */
// Over a minute: last in the order, so that the worker taking the order from its end starts it at once while the
// other starts the labelled lanes (see dev.platen.testing.StartedFirst).
@Order(Integer.MAX_VALUE)
// Closed after it (no other class has its properties): its engine, rule-set watch and cached art are not carried
// through the rest of the run.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-rulesets;DB_CLOSE_DELAY=-1",
        // Camunda keeps its engines in a static registry by name, and /engine-rest serves the one named "default":
        // this context's own name keeps it from taking the place of the engine other test classes share
        "camunda.bpm.process-engine-name=platenRuleSetsIt",
        "platen.storage.root=target/rulesets-it-objects",
        "platen.rulesets.min-sample=6",
        "platen.rulesets.promote-after=12",
        "platen.rulesets.watch-every=500ms"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetCanaryIntegrationTest {

    private static final Duration SETTLE = Duration.ofMinutes(4);
    /**
     * How often a rule set's state is looked at while placements run (HTTP Basic; before the engine remembered a
     * matching password, each look was a BCrypt check of about 0.1 s of CPU, and four looks a second were an eighth
     * of this class's CPU, taken from the placements it waits for).
     */
    private static final Duration STATE_POLL = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    /** Placements of the baseline: id to product and live lane, recorded once for every test below. */
    private static final List<JsonNode> baseline = new ArrayList<>();
    /** The lane-table change replayed first, shadowed next. */
    private static int garmentSpotChecks;

    private PlatenApi api() {
        return new PlatenApi(port, json);
    }

    /**
     * The live rule set's record: T-shirts of clean grey art (approved by the engine), posters of neon art outside
     * the coated stock's gamut (reviewed), stickers of clean art (approved).
     */
    private void baseline() throws Exception {
        if (!baseline.isEmpty()) {
            return;
        }
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(order("tshirt", "front", "left-chest", TestArtwork.neutral(1200, 1200, 100 + i)));
        }
        for (int i = 0; i < 6; i++) {
            orders.add(order("sticker", "face", "sticker-3in", TestArtwork.neon(900 + i, 900)));
        }
        for (int i = 0; i < 2; i++) {
            orders.add(order("sticker", "face", "sticker-3in", TestArtwork.neutral(900, 900, 200 + i)));
        }
        for (String id : orders) {
            baseline.add(settled(id).path("placements").get(0));
        }
        assertThat(baseline).extracting(p -> p.path("ruleSet").asInt()).containsOnly(1);
    }

    @Test
    @Order(10)
    void replayOfALaneTableChangeNamesExactlyThePlacementsWhoseLaneChanges() throws Exception {
        baseline();
        // the change: garment proofs within every limit go to a person too ("GARMENT_SPOT_CHECK")
        byte[] zip = laneTable(dmn -> replaceInRule(dmn, "garment-clean",
                "<outputEntry><text>\"AUTO\"</text></outputEntry>\n        <outputEntry><text>\"CLEAN\"</text></outputEntry>",
                "<outputEntry><text>\"REVIEW\"</text></outputEntry>\n        <outputEntry><text>\"GARMENT_SPOT_CHECK\"</text></outputEntry>"));
        int candidate = upload(zip, "garment spot checks");
        // the same files again are the same rule set: 200 and its number, nothing new registered
        ResponseEntity<String> again = admin().post().uri("/api/v1/rulesets")
                .contentType(MediaType.parseMediaType("application/zip")).body(zip).retrieve().toEntity(String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(again.getBody()).path("number").asInt()).isEqualTo(candidate);
        garmentSpotChecks = candidate;

        JsonNode report = json.readTree(admin().post().uri("/api/v1/rulesets/" + candidate + "/replay?last=500")
                .retrieve().body(String.class));
        // only an operator with the RULES role replays, and a refusal is a problem+json like every API error
        ResponseEntity<String> anonymous = api().http().post().uri("/api/v1/rulesets/" + candidate + "/replay")
                .retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(anonymous.getBody()).path("code").asText()).isEqualTo("CREDENTIALS_REQUIRED");
        // the API's own refusals keep their codes (they came back as NOT_FOUND with the exception's text in detail)
        ResponseEntity<String> unknown = admin().get().uri("/api/v1/rulesets/99999").retrieve()
                .onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        JsonNode unknownProblem = json.readTree(unknown.getBody());
        assertThat(unknownProblem.path("code").asText()).isEqualTo("UNKNOWN_RULE_SET");
        assertThat(unknownProblem.path("detail").asText()).isEqualTo("no rule set 99999");
        // a parameter out of range is a BAD_PARAMETER, as everywhere else in the API (it was INVALID_PARAMETER here)
        ResponseEntity<String> noneToReplay = admin().post().uri("/api/v1/rulesets/" + candidate + "/replay?last=0")
                .retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
        assertThat(noneToReplay.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noneToReplay.getBody()).path("code").asText()).isEqualTo("BAD_PARAMETER");

        Set<String> expected = new HashSet<>();
        for (JsonNode p : baseline) {
            if (p.path("product").asText().equals("tshirt") && p.path("lane").asText().equals("AUTO")) {
                expected.add(p.path("id").asText());
            }
        }
        assertThat(expected).as("the baseline has approved T-shirts to change").isNotEmpty();
        Set<String> named = new HashSet<>();
        report.path("changes").forEach(c -> named.add(c.path("placementId").asText()));
        assertThat(named).as(report.toString()).isEqualTo(expected);
        assertThat(report.path("laneChanges").asInt()).isEqualTo(expected.size());
        assertThat(report.path("tierChanges").asInt()).isZero();
        assertThat(report.path("replayed").asInt()).isGreaterThanOrEqualTo(baseline.size());
        report.path("changes").forEach(c -> {
            assertThat(c.path("liveLane").asText()).isEqualTo("AUTO");
            assertThat(c.path("candidateLane").asText()).isEqualTo("REVIEW");
            assertThat(c.path("candidateReason").asText()).isEqualTo("GARMENT_SPOT_CHECK");
            assertThat(c.path("needsNewPixels").asBoolean()).as("the same stock and tier: the figures stand").isFalse();
        });
    }

    @Test
    @Order(15)
    void replayOfANewProfileProofsASampleAgainAndShowsItsFiguresBesideTheRecordedOnes() throws Exception {
        baseline();
        // the coated stock moves to another profile: its placements would print other pixels
        String stocks = bundled("icc-profiles/stocks.yaml").replaceFirst(
                "(id: coated-gloss[\\s\\S]*?profile: )platen-coated-v1\\.icc", "$1platen-uncoated-v1.icc");
        int candidate = upload(candidate(Map.of("icc-profiles/stocks.yaml", stocks.getBytes(StandardCharsets.UTF_8))),
                "coated stock on the uncoated profile");

        JsonNode report = json.readTree(admin().post().uri("/api/v1/rulesets/" + candidate + "/replay?last=500&samples=3")
                .retrieve().body(String.class));

        Map<String, JsonNode> recorded = new java.util.HashMap<>();
        baseline.forEach(p -> recorded.put(p.path("id").asText(), p));
        assertThat(report.path("sampled").asInt()).as(report.toString()).isEqualTo(3);
        int sampled = 0;
        for (JsonNode c : report.path("changes")) {
            JsonNode before = recorded.get(c.path("placementId").asText());
            if (before == null) {
                continue; // a placement of another test
            }
            assertThat(before.path("product").asText()).as("only the coated stock's placements change")
                    .isEqualTo("sticker");
            if (!c.path("sampledFigures").isNull()) {
                sampled++;
                double live = before.path("softProof").path("deltaE2000P95").asDouble();
                assertThat(c.path("liveFigures").path("deltaE95").asDouble()).isEqualTo(live);
                assertThat(c.path("sampledFigures").path("deltaE95").asDouble()).as(c.toString()).isNotEqualTo(live)
                        .isBetween(0.0, 100.0);
                assertThat(c.path("sampledFigures").path("outOfGamutShare").asDouble()).isBetween(0.0, 1.0);
                assertThat(c.path("needsNewPixels").asBoolean()).as("sampled: its lane stands on its own figures").isFalse();
            } else {
                assertThat(c.path("needsNewPixels").asBoolean()).isTrue();
            }
        }
        assertThat(sampled).isEqualTo(3);
    }

    @Test
    @Order(20)
    void aShadowDecidesBesideTheLiveRuleSetWithoutActingAndItsDifferencesAreCounted() throws Exception {
        baseline();
        ResponseEntity<String> moved = admin().post().uri("/api/v1/rulesets/" + garmentSpotChecks + "/shadow")
                .retrieve().toEntity(String.class);
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);

        List<String> placements = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode p = settled(order("tshirt", "front", "left-chest", TestArtwork.neutral(1200, 1200, 400 + i)))
                    .path("placements").get(0);
            // the live rule set acted: clean garment art is approved by the engine
            assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("READY_FOR_PRINT");
            assertThat(p.path("ruleSet").asInt()).isEqualTo(status().path("live").asInt());
            placements.add(p.path("id").asText());
        }
        JsonNode shadow = json.readTree(admin().get().uri("/api/v1/rulesets/" + garmentSpotChecks + "/shadow")
                .retrieve().body(String.class));
        JsonNode lanes = shadow.path("lane");
        assertThat(lanes.path("compared").asInt()).isEqualTo(2);
        assertThat(lanes.path("different").asInt()).isEqualTo(2);
        Set<String> differing = new HashSet<>();
        lanes.path("differences").forEach(d -> {
            differing.add(d.path("placementId").asText());
            assertThat(d.path("live").asText()).isEqualTo("AUTO CLEAN");
            assertThat(d.path("candidate").asText()).isEqualTo("REVIEW GARMENT_SPOT_CHECK");
        });
        assertThat(differing).containsExactlyInAnyOrderElementsOf(placements);
        assertThat(shadow.path("tier").path("different").asInt()).isZero();
    }

    @Test
    @Order(30)
    void aCandidateThatApprovesEverythingIsRolledBackAndItsPlacementsFinishOnTheLiveRuleSet() throws Exception {
        baseline();
        int live = status().path("live").asInt();
        int candidate = upload(laneTable(dmn -> dmn.replaceFirst("(?s)(<rule id=\"operator-chose-tier\">)",
                "<rule id=\"approve-everything\"><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry>"
                        + "<inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry>"
                        + "<inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry>"
                        + "<inputEntry><text>-</text></inputEntry><outputEntry><text>\"AUTO\"</text></outputEntry>"
                        + "<outputEntry><text>\"EVERYTHING_GOES\"</text></outputEntry></rule>\n      $1")),
                "approve everything");
        canary(candidate);

        List<String> orders = new ArrayList<>();
        // twelve, the sample a promotion needs: by then the one-sided bound of the rise clears the ten-point limit
        // against this baseline (about half its placements approved by the engine), so it is rolled back, not promoted
        for (int i = 0; i < 12; i++) {
            orders.add(order("sticker", "face", "sticker-3in", TestArtwork.neon(950 + i, 900)));
        }
        Awaitility.await().atMost(SETTLE).pollInterval(STATE_POLL)
                .until(() -> state(candidate).equals("ROLLED_BACK"));
        JsonNode verdict = json.readTree(one(candidate).path("verdictJson").asText());
        assertThat(verdict.path("verdicts").toString()).contains("share approved by the engine").contains("BREACHED");

        int touched = 0;
        for (String id : orders) {
            JsonNode p = settled(id).path("placements").get(0);
            // every placement ends on the live rule set, decided by its table: neon art is reviewed
            assertThat(p.path("ruleSet").asInt()).as(p.toString()).isEqualTo(live);
            assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("NEEDS_REVIEW");
            assertThat(p.path("laneReason").asText()).isNotEqualTo("EVERYTHING_GOES");
            List<String> actions = history(id, p.path("id").asText());
            if (actions.contains("RULE_SET_ROLLED_BACK")) {
                touched++;
                // held while on the candidate, never approved: nothing of it reached a partner as printable
                assertThat(actions.subList(0, actions.indexOf("RULE_SET_ROLLED_BACK"))).doesNotContain("APPROVED");
            }
        }
        assertThat(touched).as("placements the candidate decided before its rollback").isGreaterThanOrEqualTo(6);
        System.out.printf("approve-everything candidate: rolled back after touching %d placements%n", touched);
    }

    @Test
    @Order(40)
    void aHarmlessCandidateIsPromotedAndItsHeldPlacementsPrint() throws Exception {
        baseline();
        int before = status().path("live").asInt();
        // a reworded rule description and a slightly different limit for a stock class no placement here uses
        int candidate = upload(laneTable(dmn -> replaceInRule(dmn, "uncoated-paper-clean", "<description>",
                "<description>(reworded) ").replace("[0..10]</text></inputEntry>\n        <outputEntry><text>\"AUTO\"",
                "[0..10.5]</text></inputEntry>\n        <outputEntry><text>\"AUTO\"")), "harmless edit");
        canary(candidate);

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(order("sticker", "face", "sticker-3in", TestArtwork.neutral(900, 900, 300 + i)));
            orders.add(order("sticker", "face", "sticker-3in", TestArtwork.neon(1000 + i, 900)));
        }
        Awaitility.await().atMost(SETTLE).pollInterval(STATE_POLL)
                .until(() -> state(candidate).equals("LIVE"));
        assertThat(state(before)).isEqualTo("RETIRED");
        JsonNode verdict = json.readTree(one(candidate).path("verdictJson").asText());
        assertThat(verdict.path("verdicts").toString()).doesNotContain("BREACHED");

        for (String id : orders) {
            JsonNode p = settled(id).path("placements").get(0);
            assertThat(p.path("ruleSet").asInt()).as(p.toString()).isEqualTo(candidate);
            if (p.path("lane").asText().equals("AUTO")) {
                // held for the verdict, then approved as the engine decided
                assertThat(p.path("status").asText()).isEqualTo("READY_FOR_PRINT");
                assertThat(p.path("approval").path("automatic").asBoolean()).isTrue();
                assertThat(history(id, p.path("id").asText())).containsSubsequence("HELD_FOR_CANARY", "APPROVED");
            } else {
                assertThat(p.path("status").asText()).isEqualTo("NEEDS_REVIEW");
            }
        }
        assertThat(status().path("live").asInt()).isEqualTo(candidate);
    }

    @Test
    @Order(50)
    void aCandidateWhoseStockMakesRendersFailIsRolledBackBeforeItsPlacementsUseUpTheirRetries() throws Exception {
        baseline();
        int live = status().path("live").asInt();
        String stocks = bundled("icc-profiles/stocks.yaml").replaceFirst(
                "(id: coated-gloss[\\s\\S]*?profile: )platen-coated-v1\\.icc", "$1platen-coated-input-only.icc");
        int candidate = upload(candidate(Map.of("icc-profiles/stocks.yaml", stocks.getBytes(StandardCharsets.UTF_8),
                "icc-profiles/platen-coated-input-only.icc", inputOnlyProfile())), "coated stock on a new profile");
        canary(candidate);

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(order("sticker", "face", "sticker-3in", TestArtwork.neutral(900, 900, 500 + i)));
        }
        Awaitility.await().atMost(SETTLE).pollInterval(STATE_POLL)
                .until(() -> state(candidate).equals("ROLLED_BACK"));
        assertThat(json.readTree(one(candidate).path("verdictJson").asText()).path("verdicts").toString())
                .contains("share with a failed step").contains("BREACHED");
        for (String id : orders) {
            JsonNode p = settled(id).path("placements").get(0);
            // run again on the live rule set, whose stock renders: the shop sees it printable, later
            assertThat(p.path("ruleSet").asInt()).as(p.toString()).isEqualTo(live);
            assertThat(p.path("status").asText()).as(p.toString()).isEqualTo("READY_FOR_PRINT");
        }
    }

    @Test
    @Order(60)
    void aCandidateThatSlowsEveryRenderIsRolledBackOnRenderTime() throws Exception {
        baseline();
        // someone set the 3 in sticker's target to 1200 DPI: sixteen times the pixels in every render
        String stickers = bundled("layout-tiers/sticker.yaml").replaceFirst(
                "(id: sticker-3in[\\s\\S]*?targetDpi: )300", "$11200");
        int candidate = upload(candidate(Map.of("layout-tiers/sticker.yaml", stickers.getBytes(StandardCharsets.UTF_8))),
                "sticker target 1200 DPI");
        // Times are compared with the live placements beside the canary, under the same load: half the stickers run on
        // each. Which half is a hash of the placement id, so stickers are ordered a few at a time until both sides
        // have their sample and the guardrails roll the candidate back.
        canary(candidate, 0.5);
        List<String> inFlight = new ArrayList<>();
        int ordered = 0;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!state(candidate).equals("ROLLED_BACK")) {
            assertThat(System.nanoTime()).as("rolled back within %s of %d stickers", SETTLE, ordered).isLessThan(deadline);
            // a placement whose lane is decided has its render time recorded (an approved one on the candidate then
            // waits for the verdict, IN_PROGRESS)
            inFlight.removeIf(id -> {
                JsonNode p = api().order(id).path("placements").get(0);
                return p.path("lane").isTextual() || p.path("status").asText().equals("FAILED");
            });
            for (; inFlight.size() < 4 && ordered < 40; ordered++) {
                inFlight.add(order("sticker", "face", "sticker-3in", TestArtwork.neutral(900, 900, 600 + ordered)));
            }
            Thread.sleep(STATE_POLL.toMillis());
        }
        JsonNode verdicts = json.readTree(one(candidate).path("verdictJson").asText()).path("verdicts");
        List<String> breached = new ArrayList<>();
        verdicts.forEach(v -> {
            if (v.path("outcome").asText().equals("BREACHED")) {
                breached.add(v.path("guardrail").asText());
            }
        });
        assertThat(breached).as(verdicts.toString()).contains("render time p90 (ms)");
    }

    @Test
    @Order(70)
    void anAdminSeesInTheBrowserWhichGuardrailRolledTheLastCanaryBack() throws Exception {
        baseline();
        int rolledBack = status().path("ruleSets").get(0).path("number").asInt();
        org.openqa.selenium.WebDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://localhost:" + port + "/rulesets");
            assertThat(browser.getCurrentUrl()).endsWith("/login");
            browser.findElement(org.openqa.selenium.By.id("username")).sendKeys("demo");
            browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("demo");
            browser.findElement(org.openqa.selenium.By.id("sign-in")).click();
            // the click returns before the sign-in's answer has set the session: going on at once would go back to
            // the sign-in page (seen on a loaded machine)
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                    .until(driver -> !driver.getCurrentUrl().contains("/login"));
            browser.get("http://localhost:" + port + "/rulesets");

            assertThat(browser.findElement(org.openqa.selenium.By.id("live")).getText())
                    .contains("rs-" + status().path("live").asInt());
            assertThat(browser.findElement(org.openqa.selenium.By.id("candidate")).getText())
                    .contains("rs-" + rolledBack).contains("ROLLED_BACK");
            List<org.openqa.selenium.WebElement> guardrails = browser.findElements(org.openqa.selenium.By.cssSelector(".guardrail"));
            assertThat(guardrails).hasSize(7);
            org.openqa.selenium.WebElement renderTime = guardrails.stream()
                    .filter(g -> g.getText().startsWith("render time p90")).findFirst().orElseThrow();
            assertThat(renderTime.getText()).contains("BREACHED");
            // the plot has the candidate's readings drawn, not an empty box
            assertThat(renderTime.findElement(org.openqa.selenium.By.cssSelector("polyline.candidate-line"))
                    .getAttribute("points")).isNotBlank();
            HeadlessChromium.screenshot(browser, "rule-sets.png");
        } finally {
            browser.quit();
        }
    }

    // --- the admin's and the shop's side -----------------------------------------------------------------------

    private org.springframework.web.client.RestClient admin() {
        return org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("demo", "demo"))
                .requestInterceptor(new dev.platen.testing.OpenApiConformance()).build();
    }

    private JsonNode status() throws IOException {
        return json.readTree(admin().get().uri("/api/v1/rulesets").retrieve().body(String.class));
    }

    private JsonNode one(int number) throws IOException {
        return json.readTree(admin().get().uri("/api/v1/rulesets/" + number).retrieve().body(String.class));
    }

    private String state(int number) throws IOException {
        return one(number).path("state").asText();
    }

    private int upload(byte[] zip, String description) throws IOException {
        ResponseEntity<String> created = admin().post().uri("/api/v1/rulesets?description=" + description.replace(' ', '+'))
                .contentType(MediaType.parseMediaType("application/zip")).body(zip).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode row = json.readTree(created.getBody());
        assertThat(row.path("state").asText()).isEqualTo("CANDIDATE");
        return row.path("number").asInt();
    }

    private void canary(int number) throws IOException {
        canary(number, 1.0);
    }

    private void canary(int number, double share) throws IOException {
        ResponseEntity<String> moved = admin().post().uri("/api/v1/rulesets/" + number + "/canary?share=" + share)
                .retrieve().toEntity(String.class);
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);
        assertThat(json.readTree(moved.getBody()).path("state").asText()).isEqualTo("CANARY");
    }

    private String order(String product, String placement, String tier, byte[] art) throws Exception {
        PlatenApi api = api();
        String artwork = api.upload(art, "art.png").path("id").asText();
        Map<String, Object> order = Map.of("reference", "rules-" + System.nanoTime(), "partner", "acme", "items",
                List.of(Map.of("product", product, "quantity", 1, "placements",
                        List.of(Map.of("placement", placement, "tier", tier, "artwork", artwork)))));
        ResponseEntity<String> created = api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(order)).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return json.readTree(created.getBody()).path("id").asText();
    }

    /** The order once its placement is printable or waits for a person with its lane decided. */
    private JsonNode settled(String orderId) {
        return api().awaitOrder(orderId, o -> {
            JsonNode p = o.path("placements").get(0);
            return p.path("status").asText().equals("READY_FOR_PRINT")
                    || p.path("status").asText().equals("NEEDS_REVIEW") && !p.path("lane").isNull()
                    || p.path("status").asText().equals("FAILED");
        }, SETTLE);
    }

    private List<String> history(String orderId, String placementId) throws IOException {
        JsonNode events = json.readTree(api().http().get()
                .uri("/api/v1/orders/" + orderId + "/placements/" + placementId + "/history").retrieve().body(String.class));
        List<String> actions = new ArrayList<>();
        events.forEach(e -> actions.add(e.path("action").asText()));
        return actions;
    }

    // --- candidates: the bundled files with one edit ------------------------------------------------------------

    private static byte[] laneTable(UnaryOperator<String> edit) throws IOException {
        String dmn = Files.readString(Path.of("workflows/proof-lane.dmn"));
        String edited = edit.apply(dmn);
        assertThat(edited).as("the edit applies").isNotEqualTo(dmn);
        return candidate(Map.of("workflows/proof-lane.dmn", edited.getBytes(StandardCharsets.UTF_8)));
    }

    private static String bundled(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    private static byte[] candidate(Map<String, byte[]> changed) throws IOException {
        return RuleSetZips.bundledWith(changed);
    }

    /**
     * The coated profile without its output tables (B2A0-2 renamed to private tags): LittleCMS still opens it, and
     * its A2B tables still read CMYK, so the catalog takes it; no RGB can be converted into it, so every render on it
     * fails. What a shop uploads when it picks the wrong file of a vendor's pair.
     */
    private static byte[] inputOnlyProfile() throws IOException {
        byte[] icc = Files.readAllBytes(Path.of("icc-profiles/platen-coated-v1.icc"));
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(icc);
        int tags = buffer.getInt(128);
        int renamed = 0;
        for (int i = 0; i < tags; i++) {
            int at = 132 + 12 * i;
            String signature = new String(icc, at, 4, StandardCharsets.US_ASCII);
            if (signature.startsWith("B2A")) {
                icc[at] = 'p';
                icc[at + 1] = 'v';
                icc[at + 2] = 't';
                renamed++;
            }
        }
        assertThat(renamed).isEqualTo(3);
        return icc;
    }

    private static String replaceInRule(String dmn, String ruleId, String target, String replacement) {
        int start = dmn.indexOf("<rule id=\"" + ruleId + "\">");
        int end = dmn.indexOf("</rule>", start);
        assertThat(start).as(ruleId).isNotNegative();
        String rule = dmn.substring(start, end);
        assertThat(rule).as(ruleId).contains(target);
        return dmn.substring(0, start) + rule.replace(target, replacement) + dmn.substring(end);
    }
}
