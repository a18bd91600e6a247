package dev.storytracker.story;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.storytracker.Slugs;

/** An idea for a story: a short summary looking for a writer, with the characters who might tell it. */
public record IdeaInput(
        @NotBlank(message = "is required") @Size(max = Story.MAX_TITLE, message = "must be at most {max} characters") String title,
        @NotBlank(message = "is required") @Size(max = 4000, message = "must be at most {max} characters") String summary,
        @Size(max = 4, message = "must have at most {max} entries") List<@NotNull @Pattern(regexp = Slugs.REGEX, message = "must be a character slug") String> candidates,
        @Size(max = FaqEntry.MAX_ANSWER, message = "must be at most {max} characters") String morals,
        @Size(max = Story.MAX_AUTHORS, message = "must have at most {max} entries") List<@NotBlank(message = "must not be blank") @Size(max = Story.MAX_AUTHOR, message = "must be at most {max} characters") String> authors) {

    public List<String> candidatesOrEmpty() {
        return candidates == null ? List.of() : candidates;
    }

    public List<String> authorsOrEmpty() {
        return authors == null ? List.of() : authors;
    }
}
