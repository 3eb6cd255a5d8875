package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.HeadlessChromium;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.StartedFirst;
import dev.platen.testing.TestArtwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prepress operator, in a real headless Chromium (Debian's chromium and chromium-driver), signs in, finds a
 * placement no tier fits in the queue, checks the art, prints it at a smaller tier, and the order moves on.
 * Screenshots of the queue and the placement page are kept under target/screenshots/.
 */
@StartedFirst
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class OperatorPicksATierInTheBrowserIntegrationTest {

    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void startChromium() throws Exception {
        // an operator in Berlin while the engine runs on UTC: the queue's times must come out in Berlin's zone
        browser = HeadlessChromium.start("Europe/Berlin");
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operatorPrintsAPlacementNoTierFitsAtTheLeftChestAndApprovesItsProof() throws Exception {
        String reference = "browser-" + System.nanoTime();
        String art = upload(TestArtwork.png(300, 300));
        String orderId = postOrder(reference, art);
        waitUntil(orderId, o -> o.path("status").asText().equals("NEEDS_REVIEW"));

        browser.get(url("/review"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("demo");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();

        arrivedAt("/review");
        var link = browser.findElement(By.partialLinkText(reference));
        // one link per row, naming the placement; the reason in words with its code; times in the operator's zone
        assertThat(link.getText()).isEqualTo(reference + " · tshirt / front");
        WebElement row = link.findElement(By.xpath("./ancestor::tr"));
        assertThat(row.findElement(By.cssSelector("td.why")).getText())
                .contains("No tested tier fits").contains("NO_TIER_FITS");
        assertThat(browser.findElement(By.id("time-zone")).getText()).isEqualTo("Europe/Berlin");
        // rewritten in the browser from the server's UTC: Berlin is an hour ahead in December
        assertThat(row.findElement(By.cssSelector("td[data-label='Since'] time")).getText())
                .doesNotMatch(".*\\d{4}-\\d{2}-\\d{2}.*").containsAnyOf("GMT+1", "CET", "GMT+2", "CEST");
        Number thumbWidth = (Number) ((JavascriptExecutor) browser).executeAsyncScript(
                "const img = arguments[0], done = arguments[arguments.length - 1];"
                        + "if (img.complete && img.naturalWidth) { done(img.naturalWidth); }"
                        + "else { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); }",
                row.findElement(By.cssSelector("td.thumb img")));
        assertThat(thumbWidth.intValue()).as("the row's thumbnail loaded").isGreaterThan(0);
        // the count by reason filters the queue to that reason
        WebElement noTier = browser.findElements(By.cssSelector("#reasons a.reason-count")).stream()
                .filter(a -> "NO_TIER_FITS".equals(a.getAttribute("title"))).findFirst().orElseThrow();
        noTier.click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().contains("reason=NO_TIER_FITS"));
        assertThat(browser.findElements(By.cssSelector("#queue td.why .code"))).extracting(WebElement::getText)
                .isNotEmpty().containsOnly("NO_TIER_FITS");
        // product and stock filters: this T-shirt prints on cotton, not on the coated stock
        browser.get(url("/review?product=tshirt&stock=dtg-white-cotton"));
        assertThat(browser.findElements(By.partialLinkText(reference))).hasSize(1);
        browser.get(url("/review?stock=coated-gloss"));
        assertThat(browser.findElements(By.partialLinkText(reference))).isEmpty();
        browser.get(url("/review?reason=NO_TIER_FITS"));
        link = browser.findElement(By.partialLinkText(reference));
        HeadlessChromium.screenshot(browser, "queue.png");
        // at a tablet's width the queue still shows the order and its reason without sideways scrolling
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow at tablet width").isLessThanOrEqualTo(0);
        HeadlessChromium.screenshot(browser, "queue-tablet.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        link = browser.findElement(By.partialLinkText(reference));
        link.click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(reference).contains("tshirt / front");
        Number naturalWidth = (Number) ((JavascriptExecutor) browser).executeScript(
                "const img = document.getElementById('art'); return img.complete ? img.naturalWidth : 0;");
        assertThat(naturalWidth.intValue()).as("the art image loaded").isGreaterThan(0);
        assertThat(browser.findElement(By.id("tiers")).getText()).contains("below minimum");
        HeadlessChromium.screenshot(browser, "placement.png");

        // a rejection without a reason is refused, and the placement stays in the queue
        browser.findElement(By.id("reject-placement")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertThat(browser.findElement(By.id("error")).getText()).contains("needs a reason");

        // no tier reaches its minimum: "Print at" starts on nothing, and a tier below its minimum warns and needs
        // the box ticked; one click does not print it
        assertThat(new Select(browser.findElement(By.id("tier"))).getFirstSelectedOption().getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("below-minimum-warning")).isDisplayed()).isFalse();
        new Select(browser.findElement(By.id("tier"))).selectByValue("left-chest");
        assertThat(browser.findElement(By.id("below-minimum-warning")).isDisplayed()).isTrue();
        browser.findElement(By.id("print-at-tier")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertThat(browser.findElement(By.id("error")).getText()).contains("below the 150 DPI");
        HeadlessChromium.screenshot(browser, "placement-below-minimum.png");

        new Select(browser.findElement(By.id("tier"))).selectByValue("left-chest");
        browser.findElement(By.id("below-minimum-confirmed")).click();
        browser.findElement(By.id("tier-note")).sendKeys("customer agreed to a small print");
        browser.findElement(By.id("print-at-tier")).click();
        // on to the next in the queue (or the queue), saying which placement was decided
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertThat(browser.findElement(By.id("message")).getText())
                .isEqualTo("Printing at left-chest: " + reference + " · tshirt / front.");

        // the print files and proof at the left chest are made, and the placement comes back for a look at them
        JsonNode proofed = waitUntil(orderId, o -> o.path("placements").get(0).path("laneReason").asText().equals("OPERATOR_CHOSE_TIER"));
        JsonNode placement = proofed.path("placements").get(0);
        assertThat(placement.path("tier").asText()).isEqualTo("left-chest");
        assertThat(placement.path("printFiles")).isNotEmpty();
        browser.get(url("/review"));
        assertThat(browser.findElement(By.id("queue")).getText()).contains(reference, "Review proof", "OPERATOR_CHOSE_TIER");
        HeadlessChromium.screenshot(browser, "queue-review-proof.png");
        browser.findElement(By.partialLinkText(reference)).click();
        assertThat(browser.findElement(By.id("lane-reason")).getText()).isEqualTo("OPERATOR_CHOSE_TIER");

        // the proof and the mockup on the shirt load when switched to
        for (String view : List.of("proof", "mockup")) {
            browser.findElement(By.cssSelector("nav.views button[data-view='" + view + "']")).click();
            Number width = (Number) ((JavascriptExecutor) browser).executeAsyncScript(
                    "const img = document.getElementById(arguments[0]), done = arguments[arguments.length - 1];"
                            + "if (img.complete && img.naturalWidth) { done(img.naturalWidth); }"
                            + "else { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); }", view);
            assertThat(width.intValue()).as(view + " image loaded").isGreaterThan(0);
        }
        HeadlessChromium.screenshot(browser, "placement-mockup.png");
        assertThat(browser.findElement(By.id("colour-report")).getText()).contains("out of gamut");

        // each action its own colour: approving is not the same button as printing elsewhere or rejecting
        List<String> colours = List.of("approve-proof", "print-at-tier", "ask-for-new-art", "reject-placement").stream()
                .map(id -> browser.findElement(By.id(id)).getCssValue("background-color")).toList();
        assertThat(colours).doesNotHaveDuplicates();
        browser.findElement(By.id("approve-proof")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Approved for print: " + reference + " · tshirt / front.");
        browser.get(url("/review"));
        assertThat(browser.findElements(By.partialLinkText(reference))).isEmpty();

        // the order moves on, approved by the operator on exactly the files and proof they saw
        JsonNode done = waitUntil(orderId, o -> o.path("status").asText().equals("READY_FOR_PRINT"));
        placement = done.path("placements").get(0);
        assertThat(placement.path("decidedBy").asText()).isEqualTo("demo");
        assertThat(placement.path("decisionNote").asText()).isEqualTo("customer agreed to a small print");
        assertThat(placement.path("approval").path("approvedBy").asText()).isEqualTo("demo");
        assertThat(placement.path("approval").path("printFiles").toString())
                .isEqualTo(json.valueToTree(proofed.path("placements").get(0).path("printFiles").findValuesAsText("sha256")).toString());

        // the placement page shows what happened, who did it, and the hashes of the files
        browser.get(url("/review/placements/" + placement.path("id").asText()));
        assertThat(browser.findElement(By.id("approval")).getText()).contains("demo");
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history).contains("RECEIVED", "HELD_FOR_OPERATOR", "OPERATOR_CHOSE_TIER", "PRINT_FILES_MADE",
                "SOFT_PROOF_MADE", "HELD_FOR_REVIEW", "APPROVED", "demo",
                "customer agreed to a small print", art.substring(0, 16));
    }

    @Test
    void theReviewPagesAskForASignIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/review/placements/anything"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys("demo");
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("sign-in")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login?error"));
    }

    /** A click that submits a form returns before the browser has followed the redirect: wait for it. */
    private static void arrivedAt(String path) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> driver.getCurrentUrl().endsWith(path));
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private RestClient http() {
        return new PlatenApi(port, json).http();
    }

    private String upload(byte[] bytes) {
        return new PlatenApi(port, json).upload(bytes, "thumb.png").path("id").asText();
    }

    private String postOrder(String reference, String artwork) throws Exception {
        String body = json.writeValueAsString(Map.of("reference", reference, "partner", "acme", "items", List.of(
                Map.of("product", "tshirt", "quantity", 1, "placements", List.of(Map.of("placement", "front", "artwork", artwork))))));
        return json.readTree(http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(String.class)).path("id").asText();
    }

    private JsonNode waitUntil(String orderId, Predicate<JsonNode> settled) {
        return new PlatenApi(port, json).awaitOrder(orderId, settled, Duration.ofSeconds(120));
    }
}
