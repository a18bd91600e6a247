package dev.storytracker.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Finding the FAQ section in story markdown, however the heading is decorated. */
class FaqSectionTest {

    @Test
    void questions_and_answers_are_taken_out_of_the_body() {
        FaqSection.Split split = FaqSection.split("## The story\n\nText.\n\n## 🤔 Frequently Asked Questions\n\n"
                + "### **What are the morals of the story?**\n* One\n* Two\n\n### Why Alan?\nBecause.\n");
        assertEquals("## The story\n\nText.", split.body());
        assertEquals(2, split.faq().size());
        assertEquals("What are the morals of the story?", split.faq().get(0).question);
        assertEquals("* One\n* Two", split.faq().get(0).answer);
        assertEquals("Why Alan?", split.faq().get(1).question);
        assertEquals("Because.", split.faq().get(1).answer);
    }

    @Test
    void shortcodes_and_plain_headings_are_recognised() {
        assertTrue(FaqSection.isFaqTitle(":thinking: Frequently Asked Questions"));
        assertTrue(FaqSection.isFaqTitle("Frequently asked questions"));
        assertTrue(FaqSection.isFaqTitle("**Frequently Asked Questions**"));
    }

    @Test
    void a_section_after_the_faq_stays_in_the_body() {
        FaqSection.Split split = FaqSection
                .split("Intro.\n## Frequently Asked Questions\n### Q?\nA.\n## Notes\nMore.\n");
        assertEquals("Intro.\n\n## Notes\nMore.", split.body());
        assertEquals(1, split.faq().size());
    }

    @Test
    void headings_in_code_blocks_do_not_count() {
        FaqSection.Split split = FaqSection.split("```md\n## Frequently Asked Questions\n### Q\n```\nText.\n");
        assertEquals(0, split.faq().size());
        assertTrue(split.body().contains("### Q"));
    }

    @Test
    void a_story_without_faq_keeps_its_whole_body() {
        FaqSection.Split split = FaqSection.split("Just a story.\n");
        assertEquals("Just a story.", split.body());
        assertTrue(split.faq().isEmpty());
    }
}
