package dev.storytracker.ingest;

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
            List<String> flags, Optional<StoryState> state, StorySource source, Map<String, Integer> lines)
            implements CorpusFile {

        public int line(String field) {
            return lines.getOrDefault(field, 1);
        }
    }

    /** A link from a story to a roadmap item, from {@code roadmap:} (motivates, no note) or {@code links:}. */
    record Link(String item, LinkRelation relation, String note, String field) {
    }
}
