package dev.storytracker.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.storytracker.SlugEnum;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/**
 * Every figure of the dashboard, each computed by the database in one query, never by loading stories: the counts per
 * state and the coverage grid add up the stored tally ({@code catalog_tally}, kept current on write by
 * {@code roadmap.StoryReach}); the weeks and the queue's ages are counts of index ranges.
 */
@ApplicationScoped
public class DashboardQueries {

    public static final int WEEKS = 26;

    @Inject
    EntityManager em;

    /** A count under a label, for bar charts. */
    public record Count(String label, long count) {
    }

    /** Accepted stories per character and theme, one grid per kind; a zero is a gap. */
    public record Coverage(List<String> characters, List<String> themes, Map<StoryKind, long[][]> counts) {

        public long count(StoryKind kind, int character, int theme) {
            return counts.get(kind)[character][theme];
        }

        public long gaps(StoryKind kind) {
            long gaps = 0;
            for (long[] row : counts.get(kind)) {
                for (long cell : row) {
                    gaps += cell == 0 ? 1 : 0;
                }
            }
            return gaps;
        }
    }

    /** The age buckets of the open queue, from the newest to the oldest. */
    static final List<Duration> AGE_LIMITS = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(28),
            Duration.ofDays(91));
    static final List<String> AGE_LABELS = List.of("under a day", "1 to 7 days", "1 to 4 weeks", "1 to 3 months",
            "over 3 months");

    public Map<StoryState, Long> perState() {
        Map<StoryState, Long> counts = new EnumMap<>(StoryState.class);
        for (StoryState state : StoryState.values()) {
            counts.put(state, 0L);
        }
        // From the stored tally (roadmap.StoryReach): theme 0 counts each story once.
        for (Object row : em.createNativeQuery("select state, sum(stories) from catalog_tally where theme_id = 0"
                + " group by state").getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(SlugEnum.parse(StoryState.class, (String) r[0]).orElseThrow(), ((Number) r[1]).longValue());
        }
        return counts;
    }

    public Coverage coverage() {
        List<String> characters = em.createQuery("select c.slug from StoryCharacter c order by c.name, c.slug",
                String.class).getResultList();
        List<String> themes = em.createQuery("select t.slug from Theme t order by t.name, t.slug", String.class)
                .getResultList();
        Map<String, Integer> row = index(characters);
        Map<String, Integer> column = index(themes);
        Map<StoryKind, long[][]> counts = new EnumMap<>(StoryKind.class);
        for (StoryKind kind : StoryKind.values()) {
            counts.put(kind, new long[characters.size()][themes.size()]);
        }
        // From the stored tally: a few hundred rows instead of every accepted story times its themes.
        for (Object result : em.createNativeQuery("select k.kind, c.slug, t.slug, sum(k.stories) from catalog_tally k"
                + " join story_character c on c.id = k.character_id join theme t on t.id = k.theme_id"
                + " where k.state = 'accepted' group by k.kind, c.slug, t.slug").getResultList()) {
            Object[] r = (Object[]) result;
            counts.get(SlugEnum.parse(StoryKind.class, (String) r[0]).orElseThrow())[row.get((String) r[1])][column
                    .get((String) r[2])] = ((Number) r[3]).longValue();
        }
        return new Coverage(characters, themes, counts);
    }

    /** Stories submitted (created) per week, oldest week first, the current week last. */
    public List<Count> submissionsPerWeek(Instant now) {
        LocalDate thisMonday = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        List<Instant> starts = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            starts.add(thisMonday.minusWeeks(i).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        // One count per week, each a range of the created_at index: 26 conditional sums over every story of the
        // half-year took 350 ms on H2 at 100,000 stories (each row read and tested 26 times), these counts 30 ms.
        StringJoiner select = new StringJoiner(", ", "select ", "");
        for (int i = 0; i < WEEKS; i++) {
            select.add("(select count(*) from story where created_at >= :s" + i
                    + (i + 1 < WEEKS ? " and created_at < :s" + (i + 1) : "") + ")");
        }
        var query = em.createNativeQuery(select.toString());
        for (int i = 0; i < WEEKS; i++) {
            query.setParameter("s" + i, starts.get(i));
        }
        Object[] sums = (Object[]) query.getSingleResult();
        List<Count> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(new Count(LocalDate.ofInstant(starts.get(i), ZoneOffset.UTC).toString(), number(sums[i])));
        }
        return weeks;
    }

    /** How long the open stories (idea to changes-requested) have waited since they were submitted. */
    public List<Count> queueAge(Instant now) {
        // One count per open state and age range, each a range of the (state, created_at) index, as for the weeks
        // above (H2 read every open story for a range over the four states at once).
        StringJoiner select = new StringJoiner(", ", "select ", "");
        for (int i = 0; i <= AGE_LIMITS.size(); i++) {
            String newer = i < AGE_LIMITS.size() ? "created_at > :a" + i : null;
            String older = i > 0 ? "created_at <= :a" + (i - 1) : null;
            String condition = newer == null ? older : older == null ? newer : newer + " and " + older;
            for (int state = 0; state < Workflow.OPEN.size(); state++) {
                select.add("(select count(*) from story where state = :open" + state + " and " + condition + ")");
            }
        }
        var query = em.createNativeQuery(select.toString());
        for (int state = 0; state < Workflow.OPEN.size(); state++) {
            query.setParameter("open" + state, Workflow.OPEN.get(state).slug());
        }
        for (int i = 0; i < AGE_LIMITS.size(); i++) {
            query.setParameter("a" + i, now.minus(AGE_LIMITS.get(i)));
        }
        Object[] counts = (Object[]) query.getSingleResult();
        List<Count> buckets = new ArrayList<>();
        for (int i = 0; i <= AGE_LIMITS.size(); i++) {
            long waiting = 0;
            for (int state = 0; state < Workflow.OPEN.size(); state++) {
                waiting += number(counts[i * Workflow.OPEN.size() + state]);
            }
            buckets.add(new Count(AGE_LABELS.get(i), waiting));
        }
        return buckets;
    }

    private static long number(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    private static Map<String, Integer> index(List<String> slugs) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < slugs.size(); i++) {
            index.put(slugs.get(i), i);
        }
        return index;
    }

    static long days(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
