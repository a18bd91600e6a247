package dev.storytracker.triage;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** JSON shapes of triage: one entry of a story's history, a comment, an assignment request. */
public final class TriageJson {

    private TriageJson() {
    }

    /** A transition or a comment, in the time order they happened. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(String type, Instant at, String actor, String from, String to, String note,
            String body, Boolean toWriter) {

        static HistoryEntry of(TriageEvent e) {
            return new HistoryEntry("transition", e.occurredAt, e.actor,
                    e.fromState == null ? null : e.fromState.slug(),
                    e.toState.slug(), e.note, null, null);
        }

        static HistoryEntry of(Comment c) {
            return new HistoryEntry("comment", c.createdAt, c.author, null, null, null, c.body, c.toWriter);
        }
    }

    /** A new comment: markdown, and whether it is a request to the writer. */
    public record CommentInput(
            @jakarta.validation.constraints.NotBlank(message = "is required") @jakarta.validation.constraints.Size(max = Comment.MAX_BODY, message = "must be at most {max} characters") String body,
            boolean toWriter) {
    }

    /** Who should look after a story (a user name, or null for nobody), at the version it was seen. */
    public record AssignInput(
            @jakarta.validation.constraints.Size(max = 100, message = "must be at most {max} characters") String assignee,
            @jakarta.validation.constraints.NotNull(message = "is required: send the version you saw") Integer version) {
    }
}
