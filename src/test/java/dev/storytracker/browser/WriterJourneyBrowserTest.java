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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/** A writer in a real browser: fills the form, previews, submits, revises; and a reader filters the list. */
@QuarkusTest
class WriterJourneyBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    Browser browser;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.character("grace");
        data.theme("cancellation");
        data.theme("debugging");
        data.story("alan-cancels", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of("cancellation"),
                List.of(), List.of());
        data.story("grace-debugs", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "grace", List.of("debugging"),
                List.of(), List.of());
        browser = Browser.start(root.toString());
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_writer_previews_submits_and_revises_a_status_quo_story() {
        browser.open("/");
        browser.screenshot("home");
        browser.open("/stories/new?kind=status-quo");
        browser.screenshot("submit-form");
        browser.type("#f-title", "Alan forgets to await");
        browser.click("input[name=character][value=alan]");
        browser.type("#f-body", "## The story\n\nAlan calls `save()` and **nothing** happens.");
        browser.click("input[name=themes][value=cancellation]");
        browser.type("#f-faq-morals", "Futures do nothing until awaited.");
        // The live preview renders through the server as the writer types.
        browser.waitForText("#preview-area strong", "nothing");
        browser.screenshot("submit-form-with-preview");
        browser.click("button[value=submit]");
        browser.waitForUrl("/stories/alan-forgets-to-await/submitted");
        browser.screenshot("submit-confirmation");
        String editLink = browser.find("a.secret").getAttribute("href");
        assertTrue(editLink.contains("/stories/alan-forgets-to-await/edit?token="), editLink);

        browser.driver.get(editLink);
        assertEquals("Alan forgets to await", browser.find("#f-title").getAttribute("value"));
        browser.type("#f-title", "Alan forgets to await, twice");
        browser.click("button[value=submit]");
        browser.waitForText(".notice", "Saved");
        assertEquals("Alan forgets to await, twice", browser.find("#f-title").getAttribute("value"));
        browser.screenshot("edit-page");
    }

    @Test
    void an_invalid_submission_keeps_what_the_writer_typed() {
        browser.open("/stories/new?kind=status-quo");
        browser.type("#f-title", "No character chosen");
        browser.type("#f-body", "A long story the writer must not lose.");
        browser.click("button[value=submit]");
        browser.waitForText(".summary-box", "Please fix");
        assertEquals("No character chosen", browser.find("#f-title").getAttribute("value"));
        assertEquals("A long story the writer must not lose.", browser.find("#f-body").getAttribute("value"));
        assertTrue(browser.find("#f-character-error").getText().contains("required"));
        browser.screenshot("submit-form-errors");
    }

    @Test
    void a_draft_kept_in_the_browser_can_be_restored_after_leaving_the_page() {
        browser.open("/stories/new?kind=shiny-future");
        browser.type("#f-title", "Alan awaits with confidence");
        browser.type("#f-body", "In this future the compiler warns.");
        browser.open("/stories");
        browser.open("/stories/new?kind=shiny-future");
        browser.waitForText(".warning", "unsent draft");
        browser.driver.findElement(By.xpath("//button[text()='Restore it']")).click();
        assertEquals("Alan awaits with confidence", browser.find("#f-title").getAttribute("value"));
        assertEquals("In this future the compiler warns.", browser.find("#f-body").getAttribute("value"));
    }

    @Test
    void a_reader_filters_the_story_list_by_character() {
        browser.open("/stories");
        assertEquals(2, browser.driver.findElements(By.cssSelector(".cards h3 a")).size());
        new Select(browser.find("#f-character")).selectByVisibleText("Grace");
        browser.click(".filters button[type=submit]");
        browser.waitForUrl("character=grace");
        List<String> titles = browser.driver.findElements(By.cssSelector(".cards h3 a")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Title of grace-debugs"), titles);
        browser.screenshot("story-list-filtered");
        browser.click(".cards h3 a");
        browser.waitForUrl("/stories/grace-debugs");
        browser.screenshot("story-page");
    }
}
