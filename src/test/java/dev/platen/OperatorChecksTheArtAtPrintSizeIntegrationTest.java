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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A prepress operator, in a real headless Chromium, calibrates the screen with a card, checks a proof at the size it
 * prints, compares it with the art under a divider, reads the findings with the empty margin outlined on the picture,
 * and works the queue from the keyboard. Screenshots at a laptop's and a tablet's size go to target/screenshots/.
 */
@StartedFirst
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-loupe-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects",
        // a context of its own: its engine under its own name, or /engine-rest of the shared context (which names
        // no engine) would reach this one, Camunda keeping its engines by name in one registry per JVM
        "camunda.bpm.process-engine-name=platenLoupeIt"
})
class OperatorChecksTheArtAtPrintSizeIntegrationTest {

    /** ISO/IEC 7810 ID-1: a credit card is 85.60 mm wide. */
    private static final double CARD_WIDTH_MM = 85.60;
    private static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void startChromium() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operatorCalibratesChecksTheProofAtPrintSizeAndApprovesFromTheKeyboard() throws Exception {
        // A: 1200 px art, its content a 600 px square in an empty white canvas: too few pixels for the full front,
        // enough for the 6 x 6 in tier (200 DPI), and three quarters of it empty margin (a problem finding)
        String proofed = "loupe-" + System.nanoTime();
        String proofedOrder = postOrder(proofed, upload(contentInAWhiteCanvas(1200, 300, 600), "canvas.png"));
        // B: art no tier fits, waiting for the operator's tier
        String held = "held-" + System.nanoTime();
        String heldOrder = postOrder(held, upload(TestArtwork.png(300, 300), "small.png"));

        JsonNode a = waitUntil(proofedOrder, o -> o.path("status").asText().equals("NEEDS_REVIEW")
                && !o.path("placements").get(0).path("laneReason").asText().isEmpty()).path("placements").get(0);
        waitUntil(heldOrder, o -> o.path("status").asText().equals("NEEDS_REVIEW"));
        assertThat(a.path("tier").asText()).as("stepped down to the tier the art reaches").isEqualTo("centred-mini");
        JsonNode margins = findingCoded(a, "EMPTY_MARGINS");
        assertThat(margins.path("severity").asText()).isEqualTo("PROBLEM");
        JsonNode box = margins.path("box");
        assertThat(box.path("x").asDouble()).isCloseTo(0.25, within(1e-9));
        assertThat(box.path("width").asDouble()).isCloseTo(0.5, within(1e-9));

        signIn();
        browser.get(url("/review/placements/" + a.path("id").asText()));
        viewport(1400, 1000);

        // at a laptop's size the colour report and the DPI table sit beside the picture, above the fold
        Map<String, Number> picture = rect(browser.findElement(By.cssSelector("section.picture")));
        Map<String, Number> report = rect(browser.findElement(By.id("colour-report")));
        Map<String, Number> dpiTable = rect(browser.findElement(By.id("tiers")));
        assertThat(report.get("top").doubleValue()).as("colour report above the fold").isLessThan(1000);
        assertThat(dpiTable.get("top").doubleValue()).as("DPI table above the fold").isLessThan(1000);
        assertThat(report.get("left").doubleValue()).as("colour report beside the picture")
                .isGreaterThanOrEqualTo(picture.get("right").doubleValue());
        assertThat(report.get("top").doubleValue()).isLessThan(picture.get("bottom").doubleValue());
        assertThat(((Number) js("return window.scrollY;")).intValue()).as("measured from the top of the page").isZero();
        HeadlessChromium.screenshot(browser, "placement-laptop.png");

        // the findings as sentences, each with its severity in a word
        WebElement finding = browser.findElement(By.cssSelector("#findings li[data-code='EMPTY_MARGINS']"));
        assertThat(finding.findElement(By.className("severity")).getText()).isEqualTo("Problem");
        assertThat(finding.findElement(By.className("sentence")).getText())
                .startsWith("75% of the art is empty").doesNotContain("PROBLEM");

        // calibrate: drag the card outline's corner, then type the width a card measured on this screen
        browser.findElement(By.id("show-loupe")).click();
        browser.findElement(By.id("calibrate-open")).click();
        WebElement outline = browser.findElement(By.id("card-outline"));
        double before = rect(outline).get("width").doubleValue();
        new Actions(browser).clickAndHold(browser.findElement(By.id("card-handle"))).moveByOffset(60, 0)
                .release().perform();
        double dragged = rect(outline).get("width").doubleValue();
        assertThat(dragged - before).as("the outline follows the drag").isCloseTo(60, within(2.0));
        assertThat(dragged / rect(outline).get("height").doubleValue()).as("an ID-1 card's proportions")
                .isCloseTo(85.60 / 53.98, within(0.01));
        WebElement cardWidth = browser.findElement(By.id("card-width"));
        cardWidth.clear();
        double pxPerMm = 4.0;
        cardWidth.sendKeys(String.valueOf(pxPerMm * CARD_WIDTH_MM));
        browser.findElement(By.id("calibration-save")).click();
        assertThat(browser.findElement(By.id("calibration-status")).getText()).contains("Calibrated: 4.000 px per mm");
        assertThat(js("return localStorage.getItem('platen.review.pxPerMm');")).isEqualTo("4");

        // at 100 % print size the picture is as wide on screen as it prints: 6 in = 152.4 mm at 4 px per mm
        browser.findElement(By.id("loupe-print-size")).click();
        WebElement loupeImage = browser.findElement(By.id("loupe-after"));
        awaitLoaded(loupeImage);
        double printWidthMm = 6 * 25.4;
        assertThat(rect(loupeImage).get("width").doubleValue()).isCloseTo(printWidthMm * pxPerMm, within(1.0));
        // the page knows the proof's own pixels (a 1200 px art is proofed as it is) and asks for as many as the
        // screen shows at print size, never more than there are
        WebElement loupe = browser.findElement(By.id("loupe"));
        assertThat(loupe.getAttribute("data-width-px")).isEqualTo("1200");
        assertThat(Double.parseDouble(loupe.getAttribute("data-print-width-in"))).isCloseTo(6.0, within(1e-9));
        Number served = (Number) js("return arguments[0].naturalWidth;", loupeImage);
        Number ratio = (Number) js("return window.devicePixelRatio;");
        assertThat(served.doubleValue()).as("enough pixels for print size on this screen")
                .isGreaterThanOrEqualTo(Math.min(printWidthMm * pxPerMm * ratio.doubleValue(), 1200));
        browser.findElement(By.id("loupe-zoom-in")).click();
        assertThat(rect(loupeImage).get("width").doubleValue()).isCloseTo(printWidthMm * pxPerMm * 1.25, within(1.0));
        // the wheel zooms in, a drag pans, "Fit" shows the whole picture in the loupe
        double zoomed = rect(loupeImage).get("width").doubleValue();
        new Actions(browser).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(loupe), 0, -100).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> rect(loupeImage).get("width").doubleValue() > zoomed + 1);
        Map<String, Number> unpanned = rect(loupeImage);
        new Actions(browser).moveToElement(loupe).clickAndHold().moveByOffset(50, 30).release().perform();
        assertThat(rect(loupeImage).get("left").doubleValue() - unpanned.get("left").doubleValue()).isCloseTo(50, within(1.0));
        assertThat(rect(loupeImage).get("top").doubleValue() - unpanned.get("top").doubleValue()).isCloseTo(30, within(1.0));
        browser.findElement(By.id("loupe-fit")).click();
        Map<String, Number> fitted = rect(loupeImage);
        double inside = Math.min(loupe.getSize().getWidth() - 2, loupe.getSize().getHeight() - 2); // less its border
        assertThat(Math.max(fitted.get("width").doubleValue(), fitted.get("height").doubleValue())).isCloseTo(inside, within(1.0));
        browser.findElement(By.id("loupe-print-size")).click();
        assertThat(browser.findElement(By.id("loupe-zoom")).getText()).startsWith("100 %");
        assertThat(rect(loupeImage).get("width").doubleValue()).isCloseTo(printWidthMm * pxPerMm, within(1.0));

        // the empty margin is outlined where the finding says the content is
        Map<String, Number> image = rect(loupeImage);
        Map<String, Number> marked = rect(browser.findElement(By.cssSelector("#loupe .finding-box[data-code='EMPTY_MARGINS']")));
        double w = image.get("width").doubleValue();
        double h = image.get("height").doubleValue();
        assertThat(marked.get("left").doubleValue()).isCloseTo(image.get("left").doubleValue() + box.path("x").asDouble() * w, within(1.0));
        assertThat(marked.get("top").doubleValue()).isCloseTo(image.get("top").doubleValue() + box.path("y").asDouble() * h, within(1.0));
        assertThat(marked.get("width").doubleValue()).isCloseTo(box.path("width").asDouble() * w, within(1.0));
        assertThat(marked.get("height").doubleValue()).isCloseTo(box.path("height").asDouble() * h, within(1.0));
        js("document.getElementById('loupe').scrollIntoView({block: 'end'});");
        HeadlessChromium.screenshot(browser, "loupe-print-size.png");

        // before/after over the same crop: the divider starts half way, arrows and a drag move it
        browser.findElement(By.id("loupe-compare")).click();
        WebElement beforeImage = browser.findElement(By.id("loupe-before"));
        awaitLoaded(beforeImage);
        assertThat(rect(beforeImage).get("width").doubleValue()).as("same zoom as the proof")
                .isCloseTo(rect(loupeImage).get("width").doubleValue(), within(0.5));
        double half = revealed();
        assertThat(half).isCloseTo(0.5, within(0.01));
        WebElement divider = browser.findElement(By.id("loupe-divider"));
        divider.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        double afterKeys = revealed();
        assertThat(afterKeys).as("five steps left show less art").isCloseTo(0.4, within(0.01));
        assertThat(divider.getAttribute("aria-valuenow")).isEqualTo("40");
        new Actions(browser).clickAndHold(divider).moveByOffset(200, 0).release().perform();
        double loupeWidth = rect(browser.findElement(By.id("loupe"))).get("width").doubleValue();
        assertThat(revealed()).as("dragged right shows more art").isCloseTo(afterKeys + 200 / loupeWidth, within(0.01));
        js("document.getElementById('loupe').scrollIntoView({block: 'end'});");
        HeadlessChromium.screenshot(browser, "before-after-slider.png");

        // the drawn before/after and mockup come with captions in page text of at least 14 px
        for (String view : List.of("mockup", "before-after")) {
            browser.findElement(By.cssSelector("nav.views button[data-view='" + view + "']")).click();
            awaitLoaded(browser.findElement(By.id(view)));
            WebElement caption = browser.findElement(By.cssSelector("figure[data-view='" + view + "'] figcaption"));
            assertThat(Double.parseDouble(caption.getCssValue("font-size").replace("px", ""))).isGreaterThanOrEqualTo(14);
            js("window.scrollTo(0, 0);");
            HeadlessChromium.screenshot(browser, "placement-" + view + "-captions.png");
        }

        // at a tablet's size it stacks: the reports under the picture, nothing wider than the screen
        viewport(820, 1180);
        browser.navigate().refresh();
        Number overflow = (Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("horizontal overflow at tablet width").isLessThanOrEqualTo(0);
        assertThat(rect(browser.findElement(By.id("colour-report"))).get("top").doubleValue())
                .isGreaterThanOrEqualTo(rect(browser.findElement(By.cssSelector("section.picture"))).get("bottom").doubleValue());
        js("window.scrollTo(0, 0);");
        HeadlessChromium.screenshot(browser, "placement-tablet.png");
        viewport(1400, 1000);
        browser.navigate().refresh();

        // a letter typed into a note is a letter, not a shortcut
        WebElement note = browser.findElement(By.id("reject-note"));
        note.sendKeys("a");
        assertThat(note.getAttribute("value")).isEqualTo("a");
        assertThat(browser.findElements(By.id("message"))).isEmpty();
        note.clear();
        // the buttons say their keys
        assertThat(browser.findElement(By.id("approve-proof")).getText()).contains("a");
        assertThat(browser.findElement(By.id("approve-proof")).getAttribute("aria-keyshortcuts")).isEqualTo("a");

        // "a" approves and goes on, naming the placement approved
        String page = browser.getCurrentUrl();
        pressOnPage("a");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Approved for print: " + proofed + " · tshirt / front.");
        assertThat(browser.getCurrentUrl()).isNotEqualTo(page).matches(".*/review(/placements/.+)?$");
        waitUntil(proofedOrder, o -> o.path("status").asText().equals("READY_FOR_PRINT"));

        // on the held placement: "?" lists the keys; "p" at a tier below its minimum still needs the box ticked
        String heldPage = url("/review/placements/" + placementId(heldOrder));
        browser.get(heldPage);
        pressOnPage("?");
        assertThat(browser.findElement(By.id("shortcuts")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("shortcuts")).getText()).contains("Approve for print", "Next in the queue");
        pressOnPage(Keys.ESCAPE.toString());
        assertThat(browser.findElement(By.id("shortcuts")).isDisplayed()).isFalse();
        // "r" goes to the note the shop will read (asking for new art needs one)
        pressOnPage("r");
        assertThat(js("return document.activeElement.id;")).isEqualTo("new-art-note");
        // "x" rejects: it goes to the reason, which a rejection needs
        pressOnPage("x");
        assertThat(js("return document.activeElement.id;")).isEqualTo("reject-note");
        new Select(browser.findElement(By.id("tier"))).selectByValue("left-chest");
        pressOnPage("p");
        assertThat(browser.getCurrentUrl()).isEqualTo(heldPage);
        assertThat(browser.findElements(By.id("message"))).isEmpty();
        assertThat(browser.findElement(By.id("below-minimum-warning")).isDisplayed()).isTrue();
        assertThat(js("return document.activeElement.id;")).isEqualTo("below-minimum-confirmed");
        assertThat(waitFor(heldOrder).path("placements").get(0).path("tier").isNull()
                || waitFor(heldOrder).path("placements").get(0).path("tier").asText().isEmpty())
                .as("nothing printed without the box ticked").isTrue();

        // "n" goes to the next in the queue
        String next = browser.findElement(By.id("next-in-queue")).getAttribute("href");
        pressOnPage("n");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().equals(heldPage));
        assertThat(browser.getCurrentUrl()).isEqualTo(next);

        // with the box ticked, "p" prints at the tier chosen and goes on, naming the placement
        browser.get(heldPage);
        new Select(browser.findElement(By.id("tier"))).selectByValue("left-chest");
        browser.findElement(By.id("below-minimum-confirmed")).click();
        pressOnPage("p");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertThat(browser.findElement(By.id("message")).getText()).isEqualTo("Printing at left-chest: " + held + " · tshirt / front.");
        assertThat(waitUntil(heldOrder, o -> o.path("placements").get(0).path("tier").asText().equals("left-chest"))
                .path("placements").get(0).path("decidedBy").asText()).isEqualTo("demo");
    }

    /**
     * Sizes the window so that the page itself (the viewport, in CSS px) is {@code width} x {@code height}: a
     * window's size includes whatever the browser draws round the page.
     */
    private static void viewport(int width, int height) {
        // the page learns of a new window size a moment later: resize until the page has the size asked
        new WebDriverWait(browser, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(200)).until(d -> {
            Dimension window = d.manage().window().getSize();
            Number innerWidth = (Number) js("return window.innerWidth;");
            Number innerHeight = (Number) js("return window.innerHeight;");
            if (innerWidth.intValue() == width && innerHeight.intValue() == height) {
                return true;
            }
            d.manage().window().setSize(new Dimension(window.getWidth() + width - innerWidth.intValue(),
                    window.getHeight() + height - innerHeight.intValue()));
            return false;
        });
    }

    /** The share of the loupe's width the art shows in, left of the divider. */
    private double revealed() {
        return ((Number) js("return document.getElementById('loupe-before-clip').getBoundingClientRect().width"
                + " / document.getElementById('loupe').clientWidth;")).doubleValue();
    }

    /** A key pressed with nothing focused, as an operator does with the mouse resting on the page. */
    private void pressOnPage(String key) {
        js("document.activeElement && document.activeElement.blur();");
        new Actions(browser).sendKeys(key).perform();
    }

    private static JsonNode findingCoded(JsonNode placement, String code) {
        for (JsonNode f : placement.path("findings")) {
            if (f.path("code").asText().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no " + code + " among " + placement.path("findings"));
    }

    private void signIn() {
        browser.get(url("/review"));
        browser.findElement(By.id("username")).sendKeys("demo");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/review"));
    }

    private static void awaitLoaded(WebElement img) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", img)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> rect(WebElement element) {
        return (Map<String, Number>) js("const r = arguments[0].getBoundingClientRect();"
                + "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height};",
                element);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Art whose content is a {@code content} px square at ({@code at}, {@code at}) on a white {@code size} px canvas. */
    private static byte[] contentInAWhiteCanvas(int size, int at, int content) throws Exception {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        BufferedImage inner = ImageIO.read(new java.io.ByteArrayInputStream(TestArtwork.neutral(content, content, 7)));
        g.drawImage(inner, at, at, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String upload(byte[] bytes, String name) {
        return new PlatenApi(port, json).upload(bytes, name).path("id").asText();
    }

    private String placementId(String orderId) {
        return waitFor(orderId).path("placements").get(0).path("id").asText();
    }

    private JsonNode waitFor(String orderId) {
        return waitUntil(orderId, o -> true);
    }

    private String postOrder(String reference, String artwork) throws Exception {
        String body = json.writeValueAsString(Map.of("reference", reference, "partner", "acme", "items", List.of(
                Map.of("product", "tshirt", "quantity", 1, "placements", List.of(Map.of("placement", "front", "artwork", artwork))))));
        return json.readTree(new PlatenApi(port, json).http().post().uri("/api/v1/orders")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class)).path("id").asText();
    }

    private JsonNode waitUntil(String orderId, Predicate<JsonNode> settled) {
        return new PlatenApi(port, json).awaitOrder(orderId, settled, Duration.ofSeconds(120));
    }
}
