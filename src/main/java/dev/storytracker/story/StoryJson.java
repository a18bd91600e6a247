package dev.storytracker.story;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of stories that the API answers with. */
public final class StoryJson {

    private StoryJson() {
    }

    /** A story in a list: everything but the text. */
    public record Summary(String slug, StoryKind kind, String title, String summary, String character,
            List<String> themes, List<String> projects, StoryState state, List<String> authors, List<String> roadmap,
            List<String> retells, Instant createdAt, Instant updatedAt, int version) {
    }

    /**
     * A whole story, with its text, FAQ, roadmap links, the stories that retell it, its series and chapters, and the
     * flags an importer left for the working group.
     */
    public record Detail(String slug, StoryKind kind, String title, String summary, String character,
            List<String> themes, List<String> projects, StoryState state, List<String> authors, List<String> roadmap,
            List<String> retells, List<String> retoldBy, String duplicateOf, String series, List<String> chapters,
            List<String> flags, StorySource source, String sourcePath, String body, List<Faq> faq, List<Link> links,
            Instant createdAt, Instant updatedAt, int version) {
    }

    /** One question and its markdown answer. */
    public record Faq(String question, String answer) {
    }

    /** A link from the story to a roadmap item, with why. */
    public record Link(String item, String title, String relation, String note) {
    }

    /** The answer to a submission: the story, and the private token that lets its writer revise it. */
    public record Created(Detail story, String editToken, String editLink) {
    }
}
