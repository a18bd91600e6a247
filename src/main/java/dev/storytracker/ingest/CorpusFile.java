package dev.storytracker.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.storytracker.roadmap.LinkRelation;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;
import dev.storytracker.story.FaqEntry;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StorySource;
import dev.storytracker.story.StoryState;

/** One parsed and validated file of the corpus, ready to be written; {@code path} is relative to the corpus root. */
public sealed interface CorpusFile {

    FileType type();

    String slug();

    String path();

    String hash();

    /** A character, theme or project. */
    record Catalog(FileType type, String slug, String path, String hash, String name, String description)
            implements CorpusFile {
    }

    /** A goal, initiative or milestone. */
    record Roadmap(String slug, String path, String hash, String title, RoadmapLevel level, Optional<String> parent,
            int parentLine, RoadmapState state, int progress, List<String> owners, Optional<String> landing,
            String impact) implements CorpusFile {
        @Override
        public FileType type() {
            return FileType.ROADMAP;
        }
    }

    /**
     * A story; {@code source} says which reader made it ({@code file} or {@code mdbook}), {@code lines} where each
     * reference field stands, for error messages.
     */
    record Story(FileType type, String slug, String path, String hash, StoryKind kind, String title, String summary,
            String body, List<FaqEntry> faq, Optional<String> character, List<String> themes, List<String> projects,
            List<String> authors, List<Link> links, List<String> retells, Optional<String> series,
            List<String> flags, Optional<StoryState> state, StorySource source, Map<String, Integer> lines,
            List<HistoryEntry> history, Optional<String> duplicateOf) implements CorpusFile {

        /** A story without recorded history, as readers of other formats make them. */
        public Story(FileType type, String slug, String path, String hash, StoryKind kind, String title,
                String summary, String body, List<FaqEntry> faq, Optional<String> character, List<String> themes,
                List<String> projects, List<String> authors, List<Link> links, List<String> retells,
                Optional<String> series, List<String> flags, Optional<StoryState> state, StorySource source,
                Map<String, Integer> lines) {
            this(type, slug, path, hash, kind, title, summary, body, faq, character, themes, projects, authors, links,
                    retells, series, flags, state, source, lines, List.of(), Optional.empty());
        }

        public int line(String field) {
            return lines.getOrDefault(field, 1);
        }
    }

    /**
     * A link from a story to a roadmap item, from {@code roadmap:} (motivates, no note) or {@code links:}; who made it
     * and when, if the file says so (an export does), else the import and its time.
     */
    record Link(String item, LinkRelation relation, String note, String field, String by, Instant at) {

        public Link(String item, LinkRelation relation, String note, String field) {
            this(item, relation, note, field, null, null);
        }
    }

    /**
     * One entry of a story's {@code history:}: a triage transition ({@code comment} null) or a comment, with who and
     * when. Written by the export so that a restore keeps what happened to each story.
     */
    record HistoryEntry(Instant at, String by, StoryState from, StoryState to, String note, String comment,
            boolean toWriter) {

        public boolean isComment() {
            return comment != null;
        }
    }
}
