package dev.storytracker.ingest;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.storytracker.story.Story;
import dev.storytracker.triage.Comment;
import dev.storytracker.triage.TriageEvent;

/**
 * Restores the triage events and comments a story file lists in {@code history:}, in the caller's transaction. An
 * entry already present (same instant, person and content) is not written again, so importing the same export twice,
 * or a newer export over an older restore, never doubles the history; nothing already recorded is removed.
 */
@ApplicationScoped
class HistoryRestore {

    void restore(Story story, List<CorpusFile.HistoryEntry> entries) {
        Set<String> present = new HashSet<>();
        if (story.id != null) {
            TriageEvent.forStory(story).forEach(e -> present.add(key(e.occurredAt, e.actor,
                    e.fromState == null ? null : e.fromState.slug(), e.toState.slug(), e.note)));
            Comment.<Comment>list("story", story).forEach(c -> present.add(key(c.createdAt, c.author, "comment",
                    String.valueOf(c.toWriter), c.body)));
        }
        for (CorpusFile.HistoryEntry entry : entries) {
            if (entry.isComment()) {
                if (present.add(key(entry.at(), entry.by(), "comment", String.valueOf(entry.toWriter()),
                        entry.comment()))) {
                    Comment comment = new Comment();
                    comment.story = story;
                    comment.author = entry.by();
                    comment.createdAt = entry.at();
                    comment.body = entry.comment();
                    comment.toWriter = entry.toWriter();
                    comment.persist();
                }
            } else if (present.add(key(entry.at(), entry.by(), entry.from() == null ? null : entry.from().slug(),
                    entry.to().slug(), entry.note()))) {
                TriageEvent event = TriageEvent.record(story, entry.from(), entry.to(), entry.by(), entry.note());
                event.occurredAt = entry.at();
            }
        }
    }

    /** Compared at the microsecond the database keeps. */
    private static String key(java.time.Instant at, String by, String a, String b, String c) {
        return at.truncatedTo(ChronoUnit.MICROS) + "|" + by + "|" + a + "|" + b + "|" + Objects.toString(c);
    }
}
