package dev.storytracker.story;

import java.util.List;

/**
 * The standard FAQ of each kind of story, asked as fields of their own on the submission forms: the questions the
 * working group wants every story to answer.
 */
public final class FormQuestions {

    /** One standard question: the form field that asks it and the question as stored. */
    public record Question(String field, String text, String hint) {

        /** The stored text, with the character's name where the question mentions the teller. */
        public String textFor(String characterName) {
            return text.replace("NAME", characterName == null || characterName.isBlank() ? "this character"
                    : characterName);
        }

        /** The question as a form label, before the teller is chosen. */
        public String label() {
            return textFor("");
        }

        /** Whether a stored question is this one (the teller's name may have been filled in). */
        public boolean matches(String stored) {
            if (!text.contains("NAME")) {
                return text.equalsIgnoreCase(stored.strip());
            }
            String[] parts = text.split("NAME", 2);
            String s = stored.strip();
            return s.regionMatches(true, 0, parts[0], 0, parts[0].length()) && s.toLowerCase()
                    .endsWith(parts[1].toLowerCase()) && s.length() > parts[0].length() + parts[1].length();
        }
    }

    public static final String RETELLING = "What status quo stories are you retelling?";

    public static final List<Question> STATUS_QUO = List.of(
            new Question("faq-morals", "What are the morals of the story?",
                    "The lessons this story teaches: what hurts, and why."),
            new Question("faq-sources", "What are the sources for this story?",
                    "Where it comes from: your own experience, a discussion, an issue, a talk."),
            new Question("faq-why", "Why did you choose NAME to tell this story?",
                    "What about this character makes the story land."),
            new Question("faq-others",
                    "How would this story have played out differently for the other characters?",
                    "Would Alan, Grace, Niklaus or Barbara have seen it differently?"));

    public static final List<Question> SHINY_FUTURE = List.of(
            new Question("faq-attributes", "What are the key attributes of this shiny future?",
                    "What is true in this future that is not true today."),
            new Question("faq-shiny", "What is the \"most shiny\" about this future?",
                    "The one thing that makes it worth building."),
            new Question("faq-pitfalls", "What are some of the potential pitfalls about this future?",
                    "What could go wrong, or who might it not work for."),
            new Question("faq-surprise",
                    "Did anything surprise you when writing this story? Did the story go any different than you "
                            + "expected it to?",
                    ""),
            new Question("faq-variations",
                    "What are some variations of this story that you considered, or that you think might be fun to "
                            + "write?",
                    ""),
            new Question("faq-needs", "What are the things that need to happen to make this story possible?",
                    "Language, library or tooling work this future depends on."));

    public static final String IDEA_MORALS = "What are the morals of the story?";

    private FormQuestions() {
    }

    public static List<Question> forKind(String kind) {
        return "shiny-future".equals(kind) ? SHINY_FUTURE : STATUS_QUO;
    }
}
