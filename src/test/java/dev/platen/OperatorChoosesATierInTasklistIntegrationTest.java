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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator who works in Camunda's Tasklist rather than the review desk, in a real headless Chromium: the task is
 * named for its order and placement, its form offers the placement's tiers as a choice with the DPI each gives, a
 * tier below its tested minimum is refused until the operator confirms it, and the confirmed choice prints there.
 * The screenshot is kept as target/screenshots/tasklist-form.png.
 */
@StartedFirst
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-tasklist-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects-tasklist",
        "camunda.bpm.process-engine-name=platenTasklistIt"
})
class OperatorChoosesATierInTasklistIntegrationTest {

    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void startChromium() throws Exception {
        browser = HeadlessChromium.start();
        // a desktop screen, tall enough for the form's list of tiers above Tasklist's footer
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1200));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operatorPrintsAThumbnailAtTheLeftChestFromTasklistAfterConfirmingItIsBelowTheMinimum() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        String reference = "tasklist-" + System.nanoTime();
        String art = api.upload(TestArtwork.png(300, 300), "thumb.png").path("id").asText();
        String body = json.writeValueAsString(Map.of("reference", reference, "partner", "acme", "items", List.of(
                Map.of("product", "tshirt", "quantity", 1, "placements",
                        List.of(Map.of("placement", "front", "artwork", art))))));
        String orderId = json.readTree(api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(String.class)).path("id").asText();
        api.awaitOrder(orderId, o -> o.path("status").asText().equals("NEEDS_REVIEW"), Duration.ofSeconds(120));

        // Tasklist's address names the engine (this test's own, see the properties above)
        browser.get(url("/camunda/app/tasklist/platenTasklistIt/"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
        browser.findElement(By.cssSelector("form input[type=text]")).sendKeys("demo");
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        // the task list names the task for the order and the placement
        String name = "Resolve placement · " + reference + " · tshirt / front";
        WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(normalize-space(text()), '" + name + "')]")));
        task.click();
        // Tasklist's forms open for the one who has claimed the task
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[self::a or self::button][normalize-space()='Claim']"))).click();

        // its form: a decision, then "Print at" as a choice of the placement's tiers with the DPI of this art
        WebElement decideTier = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//label[normalize-space()='Print at a tier']")));
        decideTier.click();
        WebElement printAt = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".fjs-form-field-select .fjs-input-group")));
        printAt.click();
        List<String> offered = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
                By.cssSelector(".fjs-dropdownlist-item"))).stream().map(WebElement::getText).toList();
        assertThat(offered).containsExactly(
                "Full front (12 x 16 in) · 25.0 DPI, below its tested 150 DPI minimum",
                "Centred 10 x 10 (10 x 10 in) · 30.0 DPI, below its tested 150 DPI minimum",
                "Centred mini 6 x 6 (6 x 6 in) · 50.0 DPI, below its tested 150 DPI minimum",
                "Left chest 4 x 4 (4 x 4 in) · 75.0 DPI, below its tested 150 DPI minimum");
        browser.findElements(By.cssSelector(".fjs-dropdownlist-item")).get(3).click();
        HeadlessChromium.screenshot(browser, "tasklist-form.png");

        // unconfirmed, the engine refuses the tier and Tasklist says why; the task stays open
        complete();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "below the 150 DPI it was test-printed at"));
        assertThat(api.order(orderId).path("status").asText()).isEqualTo("NEEDS_REVIEW");

        browser.findElement(By.xpath("//label[contains(normalize-space(), 'below its tested minimum DPI')]")).click();
        complete();
        JsonNode printing = api.awaitOrder(orderId, o -> "left-chest".equals(o.path("placements").get(0).path("tier")
                .asText()), Duration.ofSeconds(60));
        assertThat(printing.path("placements").get(0).path("decidedBy").asText()).isEqualTo("demo");
    }

    private void complete() {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Complete']"))).click();
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
