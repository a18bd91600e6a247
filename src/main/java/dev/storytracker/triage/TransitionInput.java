package dev.storytracker.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.storytracker.Slugs;

/** A request to move a story: the state to go to, why, the story it duplicates, and the version it was seen at. */
public record TransitionInput(
        @NotBlank(message = "is required") String to,
        @Size(max = TriageEvent.MAX_NOTE, message = "must be at most {max} characters") String note,
        @Pattern(regexp = Slugs.REGEX, message = "must be a story slug") String duplicateOf,
        @NotNull(message = "is required: send the version you saw") Integer version) {
}
