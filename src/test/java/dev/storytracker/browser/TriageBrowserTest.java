package dev.storytracker.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/** A triager in a real browser: signs in, finds the submitted story, reviews and accepts it, sees the heat map change. */
@QuarkusTest
class TriageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    dev.storytracker.ingest.Importer importer;

    Browser browser;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.theme("cancellation");
        data.story("alan-drops-a-write", StoryKind.STATUS_QUO, StoryState.SUBMITTED, "alan", List.of("cancellation"),
                List.of(), List.of());
        data.user("tina", "triager");
        browser = Browser.start(root.toString());
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private String alanCancellationCell() {
        return browser.driver.findElement(By.cssSelector("#heat-status-quo-title")).findElement(By.xpath(".."))
                .findElements(By.cssSelector("g.cell title")).stream().map(e -> e.getAttribute("textContent"))
                .filter(t -> t.startsWith("Alan × Cancellation")).findFirst().orElseThrow();
    }

    @Test
    void a_triager_reviews_and_accepts_a_submitted_story_and_the_heat_map_fills_in() throws java.io.IOException {
        browser.open("/dashboard");
        browser.waitForUrl("/login");
        browser.type("#j_username", "tina");
        browser.type("#j_password", "password-tina");
        browser.click("button[type=submit]");
        browser.waitForUrl("/dashboard");
        assertEquals("Alan × Cancellation: no story: a gap", alanCancellationCell());
        assertTrue(browser.find("table.queue").getText().contains("Title of alan-drops-a-write"));
        browser.screenshot("dashboard");

        browser.click("table.queue a[href='/stories/alan-drops-a-write/review']");
        browser.waitForUrl("/stories/alan-drops-a-write/review");
        browser.type("#note", "Clear and concrete.");
        browser.click(".decide button[value=in-review]");
        browser.waitForText(".notice", "Moved");
        browser.screenshot("review-page");
        browser.type("#note", "Accepted for the collection.");
        browser.click(".decide button[value=accepted]");
        browser.waitForText("p.meta .state", "accepted");
        assertTrue(browser.find("ol.history").getText().contains("Accepted for the collection."));

        browser.open("/dashboard");
        assertEquals("Alan × Cancellation: 1 story", alanCancellationCell());
        assertTrue(browser.driver.findElements(By.cssSelector("table.queue")).isEmpty(), "the queue is empty now");
        browser.screenshot("dashboard-after");

        // With the bundled corpus loaded, the dashboard as the documentation shows it.
        importer.importFolder(java.nio.file.Path.of("stories"), false);
        browser.open("/dashboard");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1900));
        browser.screenshot("dashboard-corpus");
    }
}
