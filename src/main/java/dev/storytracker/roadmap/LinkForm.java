package dev.storytracker.roadmap;

import java.util.Map;

/**
 * A link form as a planner typed it, with what was wrong, so the page can show it again with nothing lost.
 * {@code mode} is {@code add} for the form that makes a link and {@code edit} for the form of an existing link (whose
 * other end is {@code story} on an item's page and {@code item} on a story's page).
 */
public record LinkForm(String mode, String story, String item, String relation, String note, String message,
        Map<String, String> errors, int status) {

    /** No form to show again: every form shows what the page holds. */
    public static final LinkForm NONE = new LinkForm("none", null, null, null, null, null, Map.of(), 200);

    public boolean isAdd() {
        return "add".equals(mode);
    }

    /** Whether this is the edit form of the link to the given story or item. */
    public boolean edits(String slug) {
        return "edit".equals(mode) && (slug.equals(story) || slug.equals(item));
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** The relation as typed, or the default. */
    public String relationOr(String fallback) {
        return relation == null || relation.isBlank() ? fallback : relation;
    }
}
