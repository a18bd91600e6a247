package dev.storytracker.story;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.storytracker.Slugs;

/**
 * What a writer sends to submit or revise a story. {@code version} is required when revising: it must be the version
 * the writer started from, so that a concurrent change is reported instead of overwritten.
 */
public record StoryInput(
        @NotBlank(message = "is required") @Pattern(regexp = "status-quo|shiny-future", message = "must be status-quo or shiny-future") String kind,
        @NotBlank(message = "is required") @Size(max = Story.MAX_TITLE, message = "must be at most {max} characters") String title,
        @Size(max = Story.MAX_SUMMARY, message = "must be at most {max} characters") String summary,
        @NotBlank(message = "is required") @Size(max = Story.MAX_BODY_BYTES, message = "must be at most 256 KiB") String body,
        @Size(max = Story.MAX_FAQ, message = "must have at most {max} questions") List<@NotNull(message = "must not be null") @Valid FaqInput> faq,
        @NotBlank(message = "is required") @Pattern(regexp = Slugs.REGEX, message = "must be a character slug") String character,
        @Size(max = Story.MAX_THEMES, message = "must have at most {max} entries") List<@NotNull(message = "must not be null") @Pattern(regexp = Slugs.REGEX, message = "must be a theme slug") String> themes,
        @Size(max = Story.MAX_PROJECTS, message = "must have at most {max} entries") List<@NotNull(message = "must not be null") @Pattern(regexp = Slugs.REGEX, message = "must be a project slug") String> projects,
        @Size(max = Story.MAX_AUTHORS, message = "must have at most {max} entries") List<@NotBlank(message = "must not be blank") @Size(max = Story.MAX_AUTHOR, message = "must be at most {max} characters") String> authors,
        @Size(max = Story.MAX_RETELLS, message = "must have at most {max} entries") List<@NotNull(message = "must not be null") @Pattern(regexp = Slugs.REGEX, message = "must be a story slug") String> retells,
        Integer version) {

    /** One FAQ question with its answer. */
    public record FaqInput(
            @NotBlank(message = "is required") @Size(max = FaqEntry.MAX_QUESTION, message = "must be at most {max} characters") String question,
            @NotNull(message = "is required") @Size(max = FaqEntry.MAX_ANSWER, message = "must be at most {max} characters") String answer) {
    }

    public List<FaqInput> faqOrEmpty() {
        return faq == null ? List.of() : faq;
    }

    public List<String> themesOrEmpty() {
        return themes == null ? List.of() : themes;
    }

    public List<String> projectsOrEmpty() {
        return projects == null ? List.of() : projects;
    }

    public List<String> authorsOrEmpty() {
        return authors == null ? List.of() : authors;
    }

    public List<String> retellsOrEmpty() {
        return retells == null ? List.of() : retells;
    }
}
