package dev.storytracker.publish;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storytracker.roadmap.LinkRelation;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/**
 * Reads stories for the front-matter export a batch at a time (keyset pagination by id, one short transaction per
 * batch) and renders each as a story file with every field: themes, projects, authors, links with relation and note,
 * retellings, series, flags, state, and the FAQ put back as a "## Frequently Asked Questions" section.
 */
@ApplicationScoped
public class FrontMatterStories {

    /** Stories read per batch; each batch costs nine queries whatever its size. */
    static final int BATCH = 200;
    /** Written for a story that has neither a character nor a flag, which the format would refuse. */
    static final String NO_CHARACTER_FLAG = "no character recorded";

    @Inject
    EntityManager em;

    /** Receives each rendered file. */
    @FunctionalInterface
    interface Sink {
        void accept(String folder, String slug, String text) throws IOException;
    }

    private record Row(long id, String slug, StoryKind kind, String title, String summary, String body,
            String character, StoryState state, String series, String duplicateOf) {
    }

    /** Writes every story to the sink; returns how many. */
    int write(Sink sink) throws IOException {
        long after = Long.MIN_VALUE;
        int written = 0;
        while (true) {
            long from = after;
            List<String[]> rendered = QuarkusTransaction.requiringNew().call(() -> batch(from));
            if (rendered.isEmpty()) {
                return written;
            }
            for (String[] file : rendered) {
                sink.accept(file[0], file[1], file[2]);
            }
            written += rendered.size();
            after = Long.parseLong(rendered.get(rendered.size() - 1)[3]);
        }
    }

    /** One batch rendered: {folder, slug, text, id}. */
    private List<String[]> batch(long after) {
        List<Row> rows = em.createQuery("select s.id, s.slug, s.kind, s.title, s.summary, s.body, c.slug, s.state,"
                + " se.slug, d.slug from Story s left join s.character c left join s.series se"
                + " left join s.duplicateOf d where s.id > :after"
                + " order by s.id", Object[].class).setParameter("after", after).setMaxResults(BATCH)
                .getResultList().stream()
                .map(r -> new Row((Long) r[0], (String) r[1], (StoryKind) r[2], (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6], (StoryState) r[7], (String) r[8], (String) r[9]))
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> themes = strings("select s.id, t.slug from Story s join s.themes t where s.id in :ids"
                + " order by t.slug", ids);
        Map<Long, List<String>> projects = strings("select s.id, p.slug from Story s join s.projects p"
                + " where s.id in :ids order by p.slug", ids);
        Map<Long, List<String>> authors = strings("select s.id, a from Story s join s.authors a where s.id in :ids"
                + " order by s.id, index(a)", ids);
        Map<Long, List<String>> retells = strings("select s.id, r.slug from Story s join s.retells r"
                + " where s.id in :ids order by r.slug", ids);
        Map<Long, List<String>> flags = strings("select s.id, f from Story s join s.flags f where s.id in :ids"
                + " order by s.id, index(f)", ids);
        Map<Long, List<String[]>> faq = rowsOf("select s.id, f.question, f.answer from Story s join s.faq f"
                + " where s.id in :ids order by s.id, index(f)", ids);
        Map<Long, List<String[]>> links = rowsOf("select l.story.id, i.slug, l.relation, l.note, l.createdBy,"
                + " l.createdAt from StoryLink l join l.item i where l.story.id in :ids order by i.slug", ids);
        Map<Long, List<FrontMatterText.Entry>> history = history(ids);
        List<String[]> rendered = new ArrayList<>();
        for (Row row : rows) {
            List<String> rowFlags = flags.getOrDefault(row.id(), List.of());
            if (row.character() == null && rowFlags.isEmpty()) {
                rowFlags = List.of(NO_CHARACTER_FLAG);
            }
            List<FrontMatterText.Link> rowLinks = links.getOrDefault(row.id(), List.of()).stream()
                    .map(l -> new FrontMatterText.Link(l[0], l[1], l[2], l[3], l[4])).toList();
            String text = new FrontMatterText().text("title", row.title()).word("kind", row.kind().slug())
                    .word("character", row.character()).words("themes", themes.getOrDefault(row.id(), List.of()))
                    .words("projects", projects.getOrDefault(row.id(), List.of()))
                    .texts("authors", authors.getOrDefault(row.id(), List.of())).text("summary", row.summary())
                    .links(rowLinks).words("retells", retells.getOrDefault(row.id(), List.of()))
                    .word("series", row.series()).texts("flags", rowFlags).word("state", row.state().slug())
                    .word("duplicate-of", row.duplicateOf()).history(history.getOrDefault(row.id(), List.of()))
                    .body(row.body() + FrontMatterText.faqSection(faq.getOrDefault(row.id(), List.of())));
            String folder = row.kind() == StoryKind.SHINY_FUTURE ? "shiny-future" : "status-quo";
            rendered.add(new String[]{folder, row.slug(), text, String.valueOf(row.id())});
        }
        em.clear();
        return rendered;
    }

    /** Triage events and comments of the batch, each story's in the order they happened. */
    private Map<Long, List<FrontMatterText.Entry>> history(List<Long> ids) {
        Map<Long, List<FrontMatterText.Entry>> map = new LinkedHashMap<>();
        for (Object[] r : em.createQuery("select e.story.id, e.occurredAt, e.actor, e.fromState, e.toState, e.note"
                + " from TriageEvent e where e.story.id in :ids order by e.occurredAt, e.id", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            map.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new FrontMatterText.Entry((Instant) r[1],
                    (String) r[2], r[3] == null ? null : ((StoryState) r[3]).slug(), ((StoryState) r[4]).slug(),
                    (String) r[5], null, false));
        }
        for (Object[] r : em.createQuery("select c.story.id, c.createdAt, c.author, c.body, c.toWriter from Comment c"
                + " where c.story.id in :ids order by c.createdAt, c.id", Object[].class).setParameter("ids", ids)
                .getResultList()) {
            map.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new FrontMatterText.Entry((Instant) r[1],
                    (String) r[2], null, null, null, (String) r[3], (Boolean) r[4]));
        }
        // Stable: at the same instant, transitions stay before comments and each keeps its own order.
        map.values().forEach(entries -> entries.sort(Comparator.comparing(FrontMatterText.Entry::at)));
        return map;
    }

    private Map<Long, List<String>> strings(String query, List<Long> ids) {
        Map<Long, List<String>> map = new LinkedHashMap<>();
        for (Object[] r : em.createQuery(query, Object[].class).setParameter("ids", ids).getResultList()) {
            map.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]);
        }
        return map;
    }

    private Map<Long, List<String[]>> rowsOf(String query, List<Long> ids) {
        Map<Long, List<String[]>> map = new LinkedHashMap<>();
        for (Object[] r : em.createQuery(query, Object[].class).setParameter("ids", ids).getResultList()) {
            String[] values = new String[r.length - 1];
            for (int i = 1; i < r.length; i++) {
                values[i - 1] = r[i] instanceof LinkRelation relation ? relation.slug()
                        : r[i] == null ? null : String.valueOf(r[i]);
            }
            map.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(values);
        }
        return map;
    }
}
