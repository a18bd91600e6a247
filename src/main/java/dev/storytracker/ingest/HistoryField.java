package dev.storytracker.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.storytracker.SlugEnum;
import dev.storytracker.story.StoryState;
import dev.storytracker.triage.Comment;
import dev.storytracker.triage.TriageEvent;

/**
 * Reads a story's {@code history:} field, the triage transitions and comments an export writes so that a restore
 * keeps them: each entry has {@code at} and {@code by}, then either {@code to} (with {@code from} and {@code note}) or
 * {@code comment} (with {@code to-writer}).
 */
final class HistoryField {

    /** Entries one story file may carry. */
    static final int MAX_ENTRIES = 2000;
    static final int MAX_ACTOR = 100;
    static final Set<String> KEYS = Set.of("at", "by", "from", "to", "note", "comment", "to-writer");

    private HistoryField() {
    }

    static List<CorpusFile.HistoryEntry> read(Fields fields) throws FileProblem {
        int line = fields.line("history");
        List<CorpusFile.HistoryEntry> entries = new ArrayList<>();
        for (Map<String, String> record : fields.records("history", KEYS, MAX_ENTRIES, Comment.MAX_BODY)) {
            int n = entries.size() + 1;
            Instant at = instant(record.get("at"), n, line);
            String by = record.getOrDefault("by", "");
            if (by.isEmpty() || by.length() > MAX_ACTOR) {
                throw new FileProblem("entry " + n + " of 'history' needs 'by', at most " + MAX_ACTOR + " characters",
                        line);
            }
            String comment = record.get("comment");
            if (comment != null) {
                if (comment.isEmpty() || record.containsKey("to") || record.containsKey("from")) {
                    throw new FileProblem("entry " + n + " of 'history' is a comment: it has a non-empty 'comment' and"
                            + " no 'from' or 'to'", line);
                }
                String toWriter = record.getOrDefault("to-writer", "false");
                if (!toWriter.equals("true") && !toWriter.equals("false")) {
                    throw new FileProblem("'to-writer' in entry " + n + " of 'history' must be true or false", line);
                }
                entries.add(new CorpusFile.HistoryEntry(at, by, null, null, null, comment, toWriter.equals("true")));
                continue;
            }
            StoryState to = state(record.get("to"), n, line)
                    .orElseThrow(() -> new FileProblem("entry " + n + " of 'history' needs 'to' or 'comment'", line));
            StoryState from = state(record.get("from"), n, line).orElse(null);
            String note = record.getOrDefault("note", "");
            if (note.length() > TriageEvent.MAX_NOTE) {
                throw new FileProblem("the note of entry " + n + " of 'history' is longer than " + TriageEvent.MAX_NOTE
                        + " characters", line);
            }
            entries.add(new CorpusFile.HistoryEntry(at, by, from, to, note.isEmpty() ? null : note, null, false));
        }
        return entries;
    }

    static Instant instant(String text, int n, int line) throws FileProblem {
        if (text == null || text.isEmpty()) {
            throw new FileProblem("entry " + n + " of 'history' needs 'at', an instant such as 2026-01-31T10:15:30Z",
                    line);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new FileProblem("'" + text + "' is not an instant such as 2026-01-31T10:15:30Z", line);
        }
    }

    private static Optional<StoryState> state(String text, int n, int line) throws FileProblem {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SlugEnum.parse(StoryState.class, text).orElseThrow(() -> new FileProblem("'" + text
                + "' in entry " + n + " of 'history' is not one of " + String.join(", ",
                        SlugEnum.slugs(StoryState.class)),
                line)));
    }
}
