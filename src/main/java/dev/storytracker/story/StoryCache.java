package dev.storytracker.story;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.storytracker.TrackerConfig;
import dev.storytracker.changes.Changes;

/**
 * Whole stories as last read by their slug, for the story page and {@code /api/stories/{slug}}: the most read things
 * of the tracker, each two statements and a dozen lists to assemble. Each is kept under the {@link Changes}
 * generation it was read in and served only while that is current, so any committed write, on this instance or
 * (PostgreSQL) another, retires them all. Writes are rare beside reads, and a story shows what many writes touch
 * (its row, links, the items' titles, retellings, chapters), so keeping track of which story a write changed would
 * be more code to get wrong for little gain.
 */
@ApplicationScoped
public class StoryCache {

    /** What a string costs beside its characters (object header, array header, fields), about. */
    private static final int PER_STRING = 56;

    private record Kept(long generation, StoryQueries.Found found, int weight) {
    }

    @Inject
    Changes changes;

    @Inject
    TrackerConfig config;

    @Inject
    MeterRegistry registry;

    private Cache<String, Kept> kept;

    @PostConstruct
    void start() {
        long size = config.stories().cacheSize().asLongValue();
        if (size > 0) {
            kept = Caffeine.newBuilder().maximumWeight(size).weigher((String slug, Kept k) -> k.weight()).recordStats()
                    .build();
            changes.onChange(kept::invalidateAll);
            // cache_gets_total{cache="stories",result="hit"|"miss"}, cache_size, cache_evictions_total... on /q/metrics.
            CaffeineCacheMetrics.monitor(registry, kept, "stories");
        }
    }

    /** The story kept for {@code slug}, or the one {@code load} reads (kept, if nothing changed meanwhile). */
    Optional<StoryQueries.Found> find(String slug, Function<String, Optional<StoryQueries.Found>> load) {
        long generation = kept == null ? -1 : changes.generation();
        if (generation < 0) {
            return load.apply(slug);
        }
        // A story kept under an older generation counts as a hit in the statistics, though it is read again; every
        // change retires them all at once, so only a read racing a change can meet one.
        Kept hit = kept.getIfPresent(slug);
        if (hit != null && hit.generation() == generation) {
            return Optional.of(hit.found());
        }
        Optional<StoryQueries.Found> found = load.apply(slug);
        // Not if the generation moved while reading: the read may have missed the change. One kept after a change
        // anyway (between this check and the put) carries the old generation, so it is never served.
        if (found.isPresent() && changes.current(generation)) {
            kept.put(slug, new Kept(generation, found.get(), weight(found.get())));
        }
        return found;
    }

    /** About the bytes a story takes in memory. */
    static int weight(StoryQueries.Found found) {
        StoryJson.Detail d = found.detail();
        long w = 256 + chars(d.slug()) + chars(d.title()) + chars(d.summary()) + chars(d.character())
                + chars(d.duplicateOf()) + chars(d.series()) + chars(d.sourcePath()) + chars(d.body())
                + chars(found.editTokenHash()) + chars(d.themes()) + chars(d.projects()) + chars(d.authors())
                + chars(d.roadmap()) + chars(d.retells()) + chars(d.retoldBy()) + chars(d.chapters())
                + chars(d.flags());
        for (StoryJson.Faq faq : d.faq()) {
            w += 32 + chars(faq.question()) + chars(faq.answer());
        }
        for (StoryJson.Link link : d.links()) {
            w += 32 + chars(link.item()) + chars(link.title()) + chars(link.relation()) + chars(link.note());
        }
        return (int) Math.min(Integer.MAX_VALUE, w);
    }

    private static long chars(String s) {
        return s == null ? 0 : PER_STRING + s.length();
    }

    private static long chars(List<String> list) {
        long w = 16;
        for (String s : list) {
            w += 8 + chars(s);
        }
        return w;
    }
}
