package dev.storytracker.roadmap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.storytracker.Slugs;

/** What a planner sends to make or change the link between a story and a roadmap item. */
public record LinkInput(
        @NotBlank(message = "is required") @Size(max = Slugs.MAX_LENGTH, message = "must be at most {max} characters") @Pattern(regexp = Slugs.REGEX, message = "must be a story slug") String story,
        @NotBlank(message = "is required") @Size(max = Slugs.MAX_LENGTH, message = "must be at most {max} characters") @Pattern(regexp = Slugs.REGEX, message = "must be a roadmap item slug") String item,
        @Pattern(regexp = "motivates|partially-addressed-by|illustrates|constrains", message = "must be motivates, partially-addressed-by, illustrates or constrains") String relation,
        @Size(max = StoryLink.MAX_NOTE, message = "must be at most {max} characters") @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line") String note) {
}
