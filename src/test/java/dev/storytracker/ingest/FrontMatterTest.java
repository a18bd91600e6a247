package dev.storytracker.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Splitting front matter from the body, and the line numbers given for each field and error. */
class FrontMatterTest {

    @Test
    void fields_keep_their_values_as_text_and_lists_and_their_lines() throws FileProblem {
        FrontMatter m = FrontMatter.parse("---\ntitle: \"Alan: again\"\nprogress: 40\nthemes: [a, b]\nowners:\n  - X\n"
                + "empty:\n---\nBody line\n");
        assertEquals("Alan: again", m.field("title").orElseThrow().value());
        assertEquals("40", m.field("progress").orElseThrow().value());
        assertEquals(List.of("a", "b"), m.field("themes").orElseThrow().value());
        assertEquals(List.of("X"), m.field("owners").orElseThrow().value());
        assertTrue(m.field("empty").isEmpty());
        assertEquals(2, m.field("title").orElseThrow().line());
        assertEquals(5, m.field("owners").orElseThrow().line());
        assertEquals("Body line\n", m.body());
        assertEquals(9, m.bodyLine());
    }

    @Test
    void a_key_given_twice_is_refused_at_its_second_line() {
        FileProblem p = assertThrows(FileProblem.class, () -> FrontMatter.parse("---\ntitle: a\ntitle: b\n---\nx\n"));
        assertEquals("the field 'title' is given twice", p.getMessage());
        assertEquals(3, p.line());
    }

    @Test
    void nested_structures_are_refused() {
        assertThrows(FileProblem.class, () -> FrontMatter.parse("---\nthemes: [[a]]\n---\nx\n"));
        assertThrows(FileProblem.class, () -> FrontMatter.parse("---\ntitle: {a: 1}\n---\nx\n"));
        assertThrows(FileProblem.class, () -> FrontMatter.parse("---\n- a\n- b\n---\nx\n"));
    }

    @Test
    void alias_bombs_are_refused() {
        StringBuilder yaml = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 30; i++) {
            yaml.append("k").append(i).append(": [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
        }
        assertThrows(FileProblem.class, () -> FrontMatter.parse(yaml + "---\nx\n"));
    }

    @Test
    void invalid_yaml_names_its_line() {
        FileProblem p = assertThrows(FileProblem.class,
                () -> FrontMatter.parse("---\ntitle: ok\nthemes: [a, b\ncharacter: alan\n---\nx\n"));
        assertTrue(p.getMessage().startsWith("front matter is not valid YAML"), p.getMessage());
        assertTrue(p.line() >= 3, "line " + p.line());
    }
}
