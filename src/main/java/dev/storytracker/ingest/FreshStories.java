package dev.storytracker.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;

import dev.storytracker.NulFreeText;
import dev.storytracker.roadmap.StoryLink;
import dev.storytracker.story.FaqEntry;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.triage.TriageEvent;

/**
 * The new stories of one import batch, written as plain JDBC batches when the batch ends instead of as Hibernate
 * entities. Hibernate spent more of a fresh import's time than the database did (persisting, cascading, ordering and
 * checking eleven rows per story); these are the rows it would write, with ids from the entities' own generators, so
 * the two ways never hand out the same id. Only a batch of new stories without recorded history comes here (see
 * {@link CorpusWriter#prefetch}); everything else, and any batch that fails, is written through Hibernate.
 */
final class FreshStories {

    /** What a reference to a story is checked against: its id, kind and the series it is a chapter of (null: none). */
    record StoryRef(long id, StoryKind kind, String seriesSlug) {
        static StoryRef of(Story story) {
            return new StoryRef(story.id, story.kind, story.series == null ? null : story.series.slug);
        }
    }

    /** A new story's references, resolved to ids. */
    record Resolved(Long character, Collection<Long> themes, Collection<Long> projects,
            Map<CorpusFile.Link, Long> links, Collection<Long> retells, Long series, Long duplicateOf) {
    }

    private static final int L = Types.BIGINT;
    private static final int I = Types.INTEGER;
    private static final int S = Types.VARCHAR;
    private static final int T = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int B = Types.BOOLEAN;

    /** One table's insert and its columns' types; rows are written in this order, each after what it refers to. */
    private enum Table {
        STORY("insert into story (id, slug, kind, title, summary, character_id, state, duplicate_of_id, series_id,"
                + " source, source_path, content_hash, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", L, S, S, S, S, L, S, L, L, S, S, S, T, T, I),
        TEXT("insert into story_text (story_id, body) values (?, ?)", L, S),
        THEME("insert into story_theme (story_id, theme_id) values (?, ?)", L, L),
        PROJECT("insert into story_project (story_id, project_id) values (?, ?)", L, L),
        AUTHOR("insert into story_author (story_id, position, name) values (?, ?, ?)", L, I, S),
        FAQ("insert into story_faq (story_id, position, question, answer) values (?, ?, ?, ?)", L, I, S, S),
        RETELL("insert into story_retell (story_id, retold_id) values (?, ?)", L, L),
        FLAG("insert into story_flag (story_id, position, message) values (?, ?, ?)", L, I, S),
        LINK("insert into story_link (id, story_id, item_id, relation, note, from_file, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", L, L, L, S, S, B, S, T),
        EVENT("insert into triage_event (id, story_id, from_state, to_state, actor, occurred_at, note)"
                + " values (?, ?, ?, ?, ?, ?, ?)", L, L, S, S, S, T, S);

        final String sql;
        final int[] types;

        Table(String sql, int... types) {
            this.sql = sql;
            this.types = types;
        }
    }

    /** Stories written this way since start-up: the tests check that a batch of new stories takes this path. */
    static final AtomicLong WRITTEN = new AtomicLong();

    private final SharedSessionContractImplementor session;
    private final IdentifierGenerator storyIds;
    private final IdentifierGenerator linkIds;
    private final IdentifierGenerator eventIds;
    private final Map<String, StoryRef> bySlug = new HashMap<>();
    private final List<Long> ids = new ArrayList<>();
    private final Map<Table, List<Object[]>> rows = new HashMap<>();

    FreshStories(SharedSessionContractImplementor session) {
        this.session = session;
        this.storyIds = generator(session, Story.class);
        this.linkIds = generator(session, StoryLink.class);
        this.eventIds = generator(session, TriageEvent.class);
    }

    private static IdentifierGenerator generator(SharedSessionContractImplementor session, Class<?> entity) {
        return (IdentifierGenerator) session.getFactory().getMappingMetamodel().getEntityDescriptor(entity)
                .getGenerator();
    }

    private long next(IdentifierGenerator ids) {
        return ((Number) ids.generate(session, null)).longValue();
    }

    /** A story this batch writes, for the references of the files after it. */
    Optional<StoryRef> get(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The ids of the stories written, in order. */
    List<Long> ids() {
        return ids;
    }

    /** Adds a new story's rows, as {@code CorpusWriter} would persist them, and returns its id. */
    long add(CorpusFile.Story file, Resolved refs, String actor) {
        long id = next(storyIds);
        Instant now = Instant.now();
        StoryState state = file.state().orElse(StoryState.ACCEPTED);
        row(Table.STORY, id, file.slug(), file.kind().slug(), file.title(), file.summary(), refs.character(),
                state.slug(), refs.duplicateOf(), refs.series(), file.source().slug(), file.path(), file.hash(), now,
                now, 0);
        row(Table.TEXT, id, file.body());
        refs.themes().forEach(theme -> row(Table.THEME, id, theme));
        refs.projects().forEach(project -> row(Table.PROJECT, id, project));
        List<String> authors = file.authors();
        for (int i = 0; i < authors.size(); i++) {
            row(Table.AUTHOR, id, i, authors.get(i));
        }
        List<FaqEntry> faq = file.faq();
        for (int i = 0; i < faq.size(); i++) {
            row(Table.FAQ, id, i, faq.get(i).question, faq.get(i).answer);
        }
        refs.retells().forEach(retold -> row(Table.RETELL, id, retold));
        List<String> flags = file.flags();
        for (int i = 0; i < flags.size(); i++) {
            row(Table.FLAG, id, i, flags.get(i));
        }
        // One link per item, the file's first for it, as for a story written through Hibernate.
        Set<Long> linked = new HashSet<>();
        refs.links().forEach((link, item) -> {
            if (linked.add(item)) {
                row(Table.LINK, next(linkIds), id, item, link.relation().slug(), link.note(), true,
                        link.by() == null ? actor : link.by(), link.at() == null ? now : link.at());
            }
        });
        row(Table.EVENT, next(eventIds), id, null, state.slug(), actor, now, "imported from " + file.path());
        bySlug.put(file.slug(), new StoryRef(id, file.kind(), file.series().orElse(null)));
        ids.add(id);
        return id;
    }

    private void row(Table table, Object... values) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
    }

    /** Sends every row on the batch's connection, table by table, each as one JDBC batch. */
    void write(Connection connection) throws SQLException {
        for (Table table : Table.values()) {
            List<Object[]> list = rows.get(table);
            if (list == null) {
                continue;
            }
            try (PreparedStatement statement = connection.prepareStatement(table.sql)) {
                for (Object[] row : list) {
                    for (int i = 0; i < row.length; i++) {
                        bind(statement, i + 1, table.types[i], row[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        rows.clear();
        WRITTEN.addAndGet(ids.size());
    }

    private static void bind(PreparedStatement statement, int index, int type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC), type);
        } else if (value instanceof String text) {
            // What NulFreeText does for every entity: PostgreSQL refuses U+0000 in text.
            statement.setString(index, NulFreeText.strip(text));
        } else {
            statement.setObject(index, value, type);
        }
    }
}
