package dev.storytracker.ingest.mdbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.storytracker.story.StoryKind;

/** Links to stories resolve by file name in all four forms; other links are not stories. */
class StoryTargetsTest {

    private static final String FROM = "vision/submitted_stories/shiny_future/alan_is_happy.md";
    private final StoryTargets targets = new StoryTargets();

    @BeforeEach
    void stories() {
        targets.add("vision/submitted_stories/status_quo/alan_is_sad.md",
                new StoryTargets.Target("alan-is-sad", StoryKind.STATUS_QUO));
        targets.add("vision/submitted_stories/status_quo/week/monday.md",
                new StoryTargets.Target("monday", StoryKind.STATUS_QUO));
    }

    private String resolved(String link) {
        StoryTargets.Resolution resolution = targets.resolve(FROM, link);
        return assertInstanceOf(StoryTargets.Resolved.class, resolution, link).target().slug();
    }

    @Test
    void relative_markdown_and_html_links_resolve() {
        assertEquals("alan-is-sad", resolved("../status_quo/alan_is_sad.md"));
        assertEquals("alan-is-sad", resolved("alan_is_sad.html"));
        assertEquals("alan-is-sad", resolved("./../status_quo/alan_is_sad.md#the-story"));
        assertEquals("monday", resolved("../status_quo/week/monday.md"));
    }

    @Test
    void published_urls_and_paths_from_before_a_move_resolve_by_file_name() {
        assertEquals("alan-is-sad", resolved("https://wg.example.io/book/vision/status_quo/alan_is_sad.html"));
        assertEquals("alan-is-sad", resolved("../../status_quo/alan_is_sad.md"));
        assertEquals("alan-is-sad", resolved("https://wg.example.io/old-book/vision/status-quo/alan_is_sad.html"));
    }

    @Test
    void story_looking_links_that_match_nothing_are_unresolved() {
        assertInstanceOf(StoryTargets.Unresolved.class, targets.resolve(FROM, "../status_quo/grace_is_gone.md"));
        assertInstanceOf(StoryTargets.Unresolved.class,
                targets.resolve(FROM, "https://wg.example.io/book/vision/shiny_future/gone.html"));
    }

    @Test
    void links_that_are_not_stories_are_left_alone() {
        for (String link : new String[]{"https://github.com/wg/book/pull/42#discussion_r1",
                "https://blog.example.org/alan_is_sad.html", "../../characters/alan.md", "#faq",
                "mailto:wg@example.org", "../status_quo.md", "../status_quo/"}) {
            assertInstanceOf(StoryTargets.NotAStory.class, targets.resolve(FROM, link), link);
        }
    }
}
