package io.stancewire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stancewire.KafkaBrokerResource;
import io.stancewire.analysis.TestArticles;

/**
 * The dashboard in a real browser (Debian's chromium, headless, through its chromedriver; nothing is downloaded)
 * against the real service and broker: the leaders table fills when the example article is produced to Kafka and
 * updates without a reload; the leader page draws a timeline with points; the article page shows the speakers in
 * colours of their own; "try it" analyses a pasted text; it works at 1280 and 390 pixels and by keyboard, and the
 * browser console stays free of errors. Screenshots go to {@code target/screenshots/}.
 */
@QuarkusTest
@Tag("integration") // starts Quarkus and a Kafka broker
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final Path SHOTS = Path.of("target/screenshots");

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String servers;

    @ConfigProperty(name = "stancewire.topics.articles")
    String articlesTopic;

    ChromeDriver browser;
    final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    void open() throws Exception {
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-gpu", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver",
                        "/usr/lib/chromium/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    /** The browser and driver of Debian's chromium and chromium-driver packages (.ci/run installs them). */
    private static String executable(String variable, String... candidates) {
        String given = System.getenv(variable);
        if (given != null && new File(given).canExecute()) {
            return given;
        }
        for (String candidate : candidates) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + String.join(" or ", candidates) + ": install Debian's chromium and"
                + " chromium-driver (apt-get install chromium chromium-driver; .ci/run does it) or set " + variable);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void send(String id, String body, String publishedAt, String source) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(articlesTopic, id, mapper.writeValueAsBytes(Map.of("id", id, "body",
                    body, "publishedAt", publishedAt, "source", source, "title", "Kosovo and Serbia fail to sign"))))
                    .get();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
    }

    private void shot(String name) throws Exception {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private boolean row(String leaderId) {
        return !browser.findElements(By.cssSelector("#leaders-body tr[data-id='" + leaderId + "']")).isEmpty();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Ready: the models loaded and Kafka Streams running (a page opened before would see a 503 in its console). */
    private void awaitReady() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest ready = java.net.http.HttpRequest.newBuilder(root.toURI().resolve("/q/health/ready"))
                .build();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (http.send(ready, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertThat(System.nanoTime()).as("ready within " + WAIT).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @Test
    void anAnalystFollowsTheExampleArticleLiveAcrossEveryPage() throws Exception {
        awaitReady();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(root.toString());
        waiting().until(b -> "live".equals(b.findElement(By.id("live")).getText()));
        js("window.__notReloaded = true;");

        // the example article produced to Kafka: its leaders appear in the open page, without a reload
        String example = "afp-ohrid-" + UUID.randomUUID();
        send(example, TestArticles.text("ohrid.txt"), "2023-03-18T21:00:00Z", "AFP");
        waiting().until(b -> row("albin-kurti") && row("aleksandar-vucic") && row("josep-borrell"));
        assertThat(js("return window.__notReloaded === true")).isEqualTo(true);
        WebElement kurti = browser.findElement(By.cssSelector("#leaders-body tr[data-id='albin-kurti']"));
        assertThat(kurti.getText()).contains("Albin Kurti");
        assertThat(kurti.findElement(By.cssSelector(".score")).getText()).matches("[+-]?\\d\\.\\d\\d");

        // a second article updates the table, still without a reload
        String second = "it-" + UUID.randomUUID();
        send(second, "Bulgarian Prime Minister Petar Dashboardov welcomed the agreement and praised both sides.",
                "2023-03-19T09:00:00Z", "BTA");
        waiting().until(b -> row("petar-dashboardov"));
        assertThat(js("return window.__notReloaded === true")).isEqualTo(true);
        waiting().until(b -> !b.findElements(By.cssSelector("#leaders-body tr[data-id='albin-kurti'] .sparkline circle"))
                .isEmpty());
        shot("leaders-1280");

        // search narrows the table; sorting works from the keyboard
        WebElement search = browser.findElement(By.cssSelector("input[type=search]"));
        search.sendKeys("Vu");
        waiting().until(b -> row("aleksandar-vucic") && !row("albin-kurti"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        waiting().until(b -> row("albin-kurti"));
        WebElement sortByName = browser.findElement(By.xpath("//th//button[text()='Leader']"));
        sortByName.sendKeys(Keys.ENTER);
        waiting().until(b -> "ascending".equals(b.findElement(By.xpath("//th[.//button[text()='Leader']]"))
                .getAttribute("aria-sort")));

        // a leader: the timeline is drawn with its points, relations and portrayal by outlet are listed
        browser.findElement(By.cssSelector("#leaders-body tr[data-id='albin-kurti'] a")).sendKeys(Keys.ENTER);
        waiting().until(b -> !b.findElements(By.cssSelector("#timeline svg circle.point")).isEmpty());
        waiting().until(b -> b.findElement(By.id("rl")).findElement(By.xpath("..")).getText()
                .contains("Aleksandar Vučić"));
        waiting().until(b -> b.findElement(By.id("pr")).findElement(By.xpath("..")).getText().contains("AFP"));
        shot("leader-1280");

        // the article: its text, each of the four speakers in a colour of their own
        browser.get(root + "#/article/" + example);
        waiting().until(b -> !b.findElements(By.cssSelector("#article-text mark.quote")).isEmpty());
        Set<String> colours = new HashSet<>();
        for (String speaker : List.of("albin-kurti", "aleksandar-vucic", "josep-borrell", "european-union")) {
            List<WebElement> marks = browser.findElements(By.cssSelector("#article-text mark[data-speaker='" + speaker
                    + "']"));
            assertThat(marks).as("quotes of " + speaker).isNotEmpty();
            colours.add(marks.get(0).getCssValue("border-bottom-color"));
        }
        assertThat(colours).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("#article-text u.tone[title]"))).isNotEmpty();
        shot("article-1280");

        // try it: a pasted text, analysed at once
        browser.get(root + "#/try");
        browser.findElement(By.id("try-text")).sendKeys(
                "“We will not give up,” Serbian President Aleksandar Vucic told reporters.");
        browser.findElement(By.id("try-submit")).click();
        waiting().until(b -> !b.findElements(By.cssSelector("#try-result mark[data-speaker='aleksandar-vucic']"))
                .isEmpty());
        shot("try-1280");

        // a phone: nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(root + "#/");
        waiting().until(b -> row("albin-kurti"));
        Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        shot("leaders-390");
        browser.get(root + "#/article/" + example);
        waiting().until(b -> !b.findElements(By.cssSelector("#article-text mark.quote")).isEmpty());
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .isLessThanOrEqualTo(0);
        shot("article-390");

        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }
}
