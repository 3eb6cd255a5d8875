package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.HeadlessChromium;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integrator's first minutes, in a real headless Chromium: Swagger UI from the engine's own document, "Try it out"
 * refused without a key (the 401 is the documented problem), then Authorize with the shop's key and the same call
 * answers the artwork. The screenshot is kept as target/screenshots/swagger-try-it-out.png.
 */
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class IntegratorTriesTheApiInSwaggerUiIntegrationTest {

    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void startChromium() throws Exception {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1400));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tryItOutAnswersOnceAuthorizedWithTheShopsKey() throws Exception {
        String artwork = new PlatenApi(port, json).upload(TestArtwork.png(640, 480), "swagger.png").path("id").asText();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/swagger-ui.html");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".info .title"))).getText())
                .startsWith("Platen");

        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.id("operations-Artwork-getArtwork")));
        operation.findElement(By.cssSelector(".opblock-summary-control, .opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector(".try-out__btn"))))
                .click();
        WebElement id = wait.until(ExpectedConditions.visibilityOf(
                operation.findElement(By.cssSelector("input[placeholder='id']"))));
        id.sendKeys(artwork);
        operation.findElement(By.cssSelector("button.execute")).click();
        assertThat(status(operation, wait)).isEqualTo("401");

        // Authorize: the shop's key into its scheme, as the document names it
        browser.findElement(By.cssSelector("button.authorize")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        WebElement shopKey = dialog.findElements(By.cssSelector(".auth-container")).stream()
                .filter(c -> c.getText().contains("shopApiKey")).findFirst().orElseThrow();
        shopKey.findElement(By.cssSelector("input")).sendKeys(PlatenApi.DEMO_KEY);
        shopKey.findElement(By.cssSelector("button.authorize")).click();
        dialog.findElement(By.cssSelector("button.btn-done")).click();

        operation.findElement(By.cssSelector("button.execute")).click();
        wait.until(driver -> "200".equals(status(operation, wait)));
        assertThat(operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_description")).getText())
                .contains(artwork, "\"format\": \"png\"");
        HeadlessChromium.screenshot(browser, "swagger-try-it-out.png");
    }

    /**
     * The status of the answer Swagger UI shows, once it shows one. The table is drawn when the answer has come, and
     * drawn again for the next: the cell is looked up inside the wait (a lookup before the table exists throws at
     * once, which failed this test on a loaded machine with a browser test starting beside it) and looked up again
     * when the one found was replaced.
     */
    private static String status(WebElement operation, WebDriverWait wait) {
        return wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement cell = operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_status"));
            return cell.isDisplayed() ? cell.getText().trim() : null;
        });
    }
}
