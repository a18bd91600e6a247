package dev.storytracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The slug rule and making slugs from titles. */
class SlugsTest {

    @Test
    void valid_slugs_are_lower_case_words_joined_by_single_hyphens() {
        assertTrue(Slugs.isValid("alan-loses-data"));
        assertTrue(Slugs.isValid("a1"));
        assertFalse(Slugs.isValid("Alan"));
        assertFalse(Slugs.isValid("a--b"));
        assertFalse(Slugs.isValid("-a"));
        assertFalse(Slugs.isValid("a_b"));
        assertFalse(Slugs.isValid(""));
        assertFalse(Slugs.isValid("a".repeat(121)));
    }

    @Test
    void titles_become_slugs_with_accents_folded_and_symbols_dropped() {
        assertEquals("grace-s-deja-vu-with-io-uring", Slugs.fromText("Grace's déjà vu with io_uring!", 80, "x"));
        assertEquals("x", Slugs.fromText("🦀 ✨", 80, "x"));
        assertEquals("one-two", Slugs.fromText("one two three", 8, "x"));
    }
}
