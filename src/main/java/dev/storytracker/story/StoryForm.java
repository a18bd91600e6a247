package dev.storytracker.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import dev.storytracker.web.Problem;

/**
 * A story form as the writer filled it in: every value kept exactly as typed, and a message per bad field, so a refused
 * submission is shown again with nothing lost. Converts to and from {@link StoryInput}.
 */
public class StoryForm {

    public static final int MIN_EXTRA_SLOTS = 3;
    public static final int MAX_EXTRA = 20;
    private static final int MAX_VALUE = 300_000;

    public final String kind;
    private final MultivaluedMap<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    /** For each FAQ entry of the last {@link #toInput}, the form field holding its question and its answer. */
    private final List<String[]> faqFields = new ArrayList<>();

    /** One free question the writer added, with its slot number. */
    public record Extra(int slot, String question, String answer) {

        public String questionField() {
            return "extra-q-" + slot;
        }

        public String answerField() {
            return "extra-a-" + slot;
        }

        public String questionLabel() {
            return "Question " + slot;
        }

        public String answerLabel() {
            return "Answer to question " + slot;
        }
    }

    private StoryForm(String kind, MultivaluedMap<String, String> values) {
        this.kind = kind;
        this.values = values;
    }

    public static String kindOrDefault(String kind) {
        return "shiny-future".equals(kind) || "idea".equals(kind) ? kind : "status-quo";
    }

    public static StoryForm empty(String kind) {
        return new StoryForm(kindOrDefault(kind), new MultivaluedHashMap<>());
    }

    public static StoryForm of(String kind, MultivaluedMap<String, String> submitted) {
        MultivaluedMap<String, String> kept = new MultivaluedHashMap<>();
        submitted.forEach((name, list) -> {
            if (name.length() <= 40) {
                list.stream().limit(200).map(v -> v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v)
                        .forEach(v -> kept.add(name, v));
            }
        });
        return new StoryForm(kindOrDefault(kind), kept);
    }

    /** The form for revising an existing story, filled in from what is stored. */
    public static StoryForm of(StoryJson.Detail story) {
        StoryForm form = empty(story.kind().slug());
        form.set("title", story.title());
        form.set("summary", story.summary());
        form.set("body", story.body());
        form.set("character", story.character());
        story.themes().forEach(t -> form.values.add("themes", t));
        story.projects().forEach(p -> form.values.add("projects", p));
        story.retells().forEach(r -> form.values.add("retells", r));
        form.set("authors", String.join("\n", story.authors()));
        form.set("version", String.valueOf(story.version()));
        int slot = 1;
        for (StoryJson.Faq faq : story.faq()) {
            var standard = FormQuestions.forKind(form.kind).stream().filter(q -> q.matches(faq.question())).findFirst();
            if (standard.isPresent()) {
                form.set(standard.get().field(), faq.answer());
            } else if (!faq.question().equalsIgnoreCase(FormQuestions.RETELLING)) {
                form.set("extra-q-" + slot, faq.question());
                form.set("extra-a-" + slot, faq.answer());
                slot++;
            }
        }
        return form;
    }

    private void set(String name, String value) {
        values.putSingle(name, value == null ? "" : value);
    }

    public String value(String name) {
        String v = values.getFirst(name);
        return v == null ? "" : v;
    }

    public List<String> values(String name) {
        List<String> v = values.get(name);
        return v == null ? List.of() : v;
    }

    /** Whether a checkbox or option with this value was chosen. */
    public boolean chosen(String name, String value) {
        return values(name).contains(value);
    }

    public boolean hasValues() {
        return !values.isEmpty();
    }

    public String error(String name) {
        return errors.getOrDefault(name, "");
    }

    public boolean invalid(String name) {
        return errors.containsKey(name);
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void addError(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** The extra-question slots to show: every filled one, and at least one empty slot. */
    public List<Extra> extras() {
        List<Extra> extras = new ArrayList<>();
        int filled = 0;
        for (int slot = 1; slot <= MAX_EXTRA; slot++) {
            if (!value("extra-q-" + slot).isBlank() || !value("extra-a-" + slot).isBlank()) {
                filled = slot;
            }
        }
        int shown = Math.min(MAX_EXTRA, Math.max(MIN_EXTRA_SLOTS, filled + 1));
        for (int slot = 1; slot <= shown; slot++) {
            extras.add(new Extra(slot, value("extra-q-" + slot), value("extra-a-" + slot)));
        }
        return extras;
    }

    /** Lines of the authors box, without blanks. */
    public List<String> authorLines() {
        return Arrays.stream(value("authors").split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Chosen status-quo stories plus the slugs typed in the "other stories" box. */
    public List<String> retellSlugs() {
        List<String> slugs = new ArrayList<>(values("retells"));
        for (String typed : value("retells-other").split("[\\s,]+")) {
            if (!typed.isBlank() && !slugs.contains(typed.strip())) {
                slugs.add(typed.strip());
            }
        }
        return slugs;
    }

    /** The input the service takes; {@code characterName} fills the "Why did you choose NAME" question. */
    public StoryInput toInput(String characterName) {
        faqFields.clear();
        List<StoryInput.FaqInput> faq = new ArrayList<>();
        for (FormQuestions.Question q : FormQuestions.forKind(kind)) {
            String answer = value(q.field()).strip();
            if (!answer.isEmpty()) {
                faq.add(new StoryInput.FaqInput(q.textFor(characterName), answer));
                faqFields.add(new String[]{q.field(), q.field()});
            }
        }
        for (Extra extra : extras()) {
            if (!extra.question().isBlank() || !extra.answer().isBlank()) {
                faq.add(new StoryInput.FaqInput(extra.question().strip(), extra.answer().strip()));
                faqFields.add(new String[]{"extra-q-" + extra.slot(), "extra-a-" + extra.slot()});
            }
        }
        Integer version = null;
        try {
            version = value("version").isBlank() ? null : Integer.valueOf(value("version").strip());
        } catch (NumberFormatException e) {
            addError("version", "is not a version number");
        }
        return new StoryInput(kind, value("title"), value("summary"), value("body"), faq, value("character"),
                values("themes"), values("projects"), authorLines(), "shiny-future".equals(kind) ? retellSlugs()
                        : List.of(),
                version);
    }

    /** Shows each violation beside the form field it concerns. */
    public void addViolations(List<Problem.Violation> violations) {
        for (Problem.Violation v : violations) {
            addError(formField(v.field()), v.message());
        }
    }

    private String formField(String field) {
        if (field.startsWith("faq[")) {
            int end = field.indexOf(']');
            try {
                int index = Integer.parseInt(field.substring(4, end));
                if (index < faqFields.size()) {
                    return field.endsWith(".question") ? faqFields.get(index)[0] : faqFields.get(index)[1];
                }
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                return "faq";
            }
            return "faq";
        }
        int bracket = field.indexOf('[');
        return bracket > 0 ? field.substring(0, bracket) : field;
    }
}
