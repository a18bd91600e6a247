package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.storytracker.SlugEnum;
import dev.storytracker.web.ConflictException;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Problem;

/**
 * The link forms of the item and review pages: checks what a planner typed as the API would, saves it through
 * {@link LinkService}, and otherwise hands back the form as typed with a message per field.
 */
@ApplicationScoped
public class LinkForms {

    @Inject
    LinkService links;

    @Inject
    RoadmapQueries roadmap;

    @Inject
    Validator validator;

    /** An item offered in a select: its slug, title and how deep it sits in the tree. */
    public record ItemOption(String slug, String title, RoadmapLevel level, int depth) {

        /** The title indented by depth with non-breaking spaces, since options cannot be styled reliably. */
        public String indented() {
            return "\u00a0\u00a0\u00a0".repeat(depth) + title;
        }
    }

    /** What a story-side link editor shows: the roadmap to pick from, the relations, and a failed form if any. */
    public record Editor(List<ItemOption> items, List<String> relations, LinkForm form) {
    }

    /** Saves the link as typed; null when it is saved, otherwise the form to show again with what is wrong. */
    public LinkForm save(String mode, String story, String item, String relation, String note, String actor) {
        String kept = "edit".equals(mode) ? "edit" : "add";
        LinkInput input = new LinkInput(strip(story), strip(item), blankToNull(relation), note == null ? null
                : note.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<LinkInput> v : validator.validate(input)) {
            errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            try {
                links.put(input, actor);
                return null;
            } catch (InvalidInputException e) {
                for (Problem.Violation v : e.violations()) {
                    errors.merge(v.field(), v.message(), (a, b) -> a + "; " + b);
                }
            } catch (ConflictException e) {
                return new LinkForm(kept, story, item, relation, note, e.getMessage(), Map.of(), 409);
            }
        }
        List<String> parts = new ArrayList<>();
        errors.forEach((field, message) -> parts.add(field + " " + message));
        return new LinkForm(kept, story, item, relation, note, "The link was not saved: " + String.join("; ", parts)
                + ".", errors, 400);
    }

    /** The story-side editor for a planner; {@code form} is the failed form to show again, or null. */
    public Editor editor(LinkForm form) {
        List<ItemOption> items = new ArrayList<>();
        flatten(roadmap.tree(), 0, items);
        return new Editor(items, relations(), form);
    }

    public static List<String> relations() {
        return SlugEnum.slugs(LinkRelation.class);
    }

    private static void flatten(List<RoadmapJson.Node> nodes, int depth, List<ItemOption> into) {
        for (RoadmapJson.Node node : nodes) {
            into.add(new ItemOption(node.slug(), node.title(), node.level(), depth));
            flatten(node.children(), depth + 1, into);
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
