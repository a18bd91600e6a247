package dev.storytracker.triage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/** The dashboard's figures in one value, for the page and for {@code GET /api/dashboard}. */
@ApplicationScoped
public class DashboardFigures {

    @Inject
    DashboardQueries queries;

    /** What the dashboard shows, as JSON. */
    public record Figures(Map<String, Long> perState, Coverage coverage,
            List<DashboardQueries.Count> submissionsPerWeek, List<DashboardQueries.Count> queueAge) {
    }

    /** The character-by-theme grid of accepted stories per kind; a zero cell is a gap. */
    public record Coverage(List<String> characters, List<String> themes, long[][] statusQuo, long[][] shinyFuture,
            long statusQuoGaps, long shinyFutureGaps) {
    }

    public Figures figures(Instant now) {
        Map<String, Long> perState = new LinkedHashMap<>();
        queries.perState().forEach((state, count) -> perState.put(state.slug(), count));
        DashboardQueries.Coverage c = queries.coverage();
        Coverage coverage = new Coverage(c.characters(), c.themes(), c.counts().get(StoryKind.STATUS_QUO),
                c.counts().get(StoryKind.SHINY_FUTURE), c.gaps(StoryKind.STATUS_QUO), c.gaps(StoryKind.SHINY_FUTURE));
        return new Figures(perState, coverage, queries.submissionsPerWeek(now), queries.queueAge(now));
    }

    /** The per-state counts as chart rows, in workflow order. */
    static List<DashboardQueries.Count> stateCounts(Map<String, Long> perState) {
        return java.util.Arrays.stream(StoryState.values())
                .map(s -> new DashboardQueries.Count(s.slug(), perState.getOrDefault(s.slug(), 0L))).toList();
    }
}
