package dev.storytracker.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.ingest.ImportReport;
import dev.storytracker.ingest.Importer;

/**
 * A planner in a real browser, on the bundled corpus: signs in, links a story to an initiative from its page, and
 * finds the story under the goal above; the trace picture and the gaps page are shown along the way.
 */
@QuarkusTest
class PlannerJourneyBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Inject
    Importer importer;

    Browser browser;

    @BeforeEach
    void setUp() throws IOException {
        data.reset();
        ImportReport report = importer.importFolder(Path.of("stories"), false);
        assertFalse(report.hasRejections(), report.summary());
        data.user("pia", "planner");
        browser = Browser.start(root.toString());
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    private void signIn() {
        browser.open("/login");
        browser.type("#j_username", "pia");
        browser.type("#j_password", "password-pia");
        browser.click("form.login button[type=submit]");
        browser.waitForText("header.site", "Sign out pia");
    }

    private List<String> storiesListed() {
        return browser.driver.findElements(By.cssSelector("ul.reached > li > a")).stream().map(WebElement::getText)
                .toList();
    }

    @Test
    void a_planner_links_a_story_to_an_initiative_and_finds_it_under_the_goal() {
        signIn();
        browser.open("/roadmap");
        browser.driver.findElement(By.linkText("Scoped and structured task spawning")).click();
        browser.waitForUrl("/roadmap/scoped-spawn");
        assertFalse(storiesListed().contains("Alan tries to shut down gracefully"));

        browser.type("#add-story", "alan-shuts-down-gracefully");
        browser.type("#add-note", "Shutting down means cancelling every task the service spawned.");
        browser.click("form[action='/roadmap/scoped-spawn/links'] button[type=submit]:not(.secondary)");
        browser.waitForText(".notice", "Story linked.");
        assertTrue(storiesListed().contains("Alan tries to shut down gracefully"));
        assertTrue(browser.find(".link-rows").getText().contains("Alan tries to shut down gracefully"));
        browser.screenshot("roadmap-item-links");
        browser.open("/roadmap/scoped-spawn");
        browser.screenshot("roadmap-item");

        browser.driver
                .findElement(By.cssSelector("nav[aria-label=Breadcrumb] a[href='/roadmap/reliable-cancellation']"))
                .click();
        browser.waitForUrl("/roadmap/reliable-cancellation");
        WebElement listed = browser.driver.findElements(By.cssSelector("ul.reached > li")).stream()
                .filter(li -> li.getText().startsWith("Alan tries to shut down gracefully")).findFirst().orElseThrow();
        assertTrue(listed.getText().contains("via Scoped and structured task spawning"), listed.getText());
        assertEquals(1, storiesListed().stream().filter("Alan tries to shut down gracefully"::equals).count());

        browser.click("a[href='/roadmap/reliable-cancellation/trace']");
        browser.waitForUrl("/roadmap/reliable-cancellation/trace");
        assertFalse(browser.driver.findElements(By.cssSelector("figure.trace svg g.node.story")).isEmpty());
        browser.screenshot("roadmap-trace");

        browser.open("/roadmap");
        browser.click("a[href='/gaps']");
        browser.waitForUrl("/gaps");
        assertFalse(browser.find("#unaddressed-stories").getText().contains("Alan tries to shut down gracefully"));
        browser.screenshot("gaps");
    }
}
