package dev.storytracker.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

import dev.storytracker.SlugEnum;
import dev.storytracker.catalog.CatalogEntry;
import dev.storytracker.catalog.Project;
import dev.storytracker.catalog.StoryCharacter;
import dev.storytracker.catalog.Theme;
import dev.storytracker.changes.Changes;
import dev.storytracker.ingest.FreshStories.Resolved;
import dev.storytracker.ingest.FreshStories.StoryRef;
import dev.storytracker.roadmap.RoadmapEvent;
import dev.storytracker.roadmap.RoadmapItem;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapRollup;
import dev.storytracker.roadmap.RoadmapState;
import dev.storytracker.roadmap.StoryLink;
import dev.storytracker.roadmap.StoryReach;
import dev.storytracker.story.FaqEntry;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.triage.TriageEvent;

/**
 * Writes one parsed corpus file into the database inside the caller's transaction. Every reference is resolved before
 * anything is written, so a refused file leaves no trace.
 */
@ApplicationScoped
public class CorpusWriter {

    static final String ACTOR = "import";

    @Inject
    EntityManager em;

    @Inject
    RoadmapRollup rollup;

    @Inject
    HistoryRestore history;

    @Inject
    StoryReach reach;

    @Inject
    Changes changes;

    /**
     * The stories a batch has written but not yet flushed, by slug. While a batch runs, queries do not flush (see
     * {@code Importer.writeBatch}), so a story that a later file of the same batch retells, continues or repeats is
     * found here rather than in the database.
     */
    static final class Pending {
        private final Map<String, Story> stories = new HashMap<>();
        /** What the batch's later files check their references to the stories it wrote against, by slug. */
        private final Map<String, StoryRef> written = new HashMap<>();
        /** The stories the batch's files name (themselves or as references), read in one query; null: none. */
        private final Map<String, StoryRef> known = new HashMap<>();
        /** A batch of new stories only, written with plain JDBC at its end ({@link FreshStories}); null: not so. */
        private FreshStories fresh;
        /** Roadmap items the batch changed, and the parents they left, whose roll-ups wait for the batch's end. */
        private final Set<RoadmapItem> rollUps = new LinkedHashSet<>();
        /** Roadmap items the batch gave another parent: the stories below them reach other items now. */
        private final Set<RoadmapItem> moved = new LinkedHashSet<>();
    }

    /**
     * Finishes a batch before its commit: the roll-ups its roadmap items left waiting, each ancestor once, the counts
     * of the stories below the items it moved, and the stories it wrote left for the import's next recount (see
     * {@link StoryReach#later}). Everything is written when it returns.
     */
    void finish(Pending pending) {
        List<Long> stories = new ArrayList<>(pending.stories.values().stream().map(story -> story.id).toList());
        if (pending.fresh != null) {
            changes.written(); // plain JDBC, which Hibernate's statement inspector does not see
            em.unwrap(Session.class).doWork(pending.fresh::write);
            stories.addAll(pending.fresh.ids());
        }
        rollup.afterChanges(pending.rollUps);
        pending.rollUps.clear();
        pending.moved.forEach(reach::itemMoved);
        pending.moved.clear();
        em.flush();
        reach.later(stories);
    }

    /**
     * Finds in one query which of the stories the batch's files are or refer to (retells, series, duplicate-of)
     * exist, so that a new story costs no look-up of its own: these were one round trip per file. When every file of
     * the batch is a story that does not exist yet and has no recorded history (a fresh import), the batch is left
     * to {@link FreshStories}.
     */
    void prefetch(List<CorpusFile> files, Pending pending) {
        Set<String> slugs = new HashSet<>();
        for (CorpusFile file : files) {
            if (file instanceof CorpusFile.Story story) {
                slugs.add(story.slug());
                slugs.addAll(story.retells());
                story.series().ifPresent(slugs::add);
                story.duplicateOf().ifPresent(slugs::add);
            }
        }
        if (slugs.isEmpty()) {
            return;
        }
        slugs.forEach(slug -> pending.known.put(slug, null));
        // Columns of the story table only: loading the stories themselves joins their text, and PostgreSQL, whose
        // statistics lag behind during a large import, planned that join as a scan of all the text (seconds per batch
        // at 100,000 stories).
        for (Object row : em.createNativeQuery("select s.slug, s.id, s.kind, h.slug as head from story s"
                + " left join story h on h.id = s.series_id where s.slug in (:slugs)").setParameter("slugs", slugs)
                .getResultList()) {
            Object[] r = (Object[]) row;
            pending.known.put((String) r[0], new StoryRef(((Number) r[1]).longValue(),
                    SlugEnum.parse(StoryKind.class, (String) r[2]).orElseThrow(), (String) r[3]));
        }
        boolean allNew = files.stream().allMatch(file -> file instanceof CorpusFile.Story story
                && story.history().isEmpty() && pending.known.get(story.slug()) == null);
        if (allNew) {
            pending.fresh = new FreshStories(em.unwrap(SharedSessionContractImplementor.class));
        }
    }

    /** With {@code pending}, stories are left for the batch's commit to flush; without, each is flushed here. */
    Outcome write(CorpusFile file, SlugIndex index, Pending pending) throws FileProblem {
        if (file instanceof CorpusFile.Catalog catalog) {
            return writeCatalog(catalog, index);
        }
        if (file instanceof CorpusFile.Roadmap roadmap) {
            return writeRoadmap(roadmap, index, pending);
        }
        return writeStory((CorpusFile.Story) file, index, pending);
    }

    /** The story a file writes, to update it; empty: a new one. */
    private static Optional<Story> story(String slug, Pending pending) {
        if (pending != null) {
            Story written = pending.stories.get(slug);
            if (written != null) {
                return Optional.of(written);
            }
            if (pending.known.containsKey(slug)) {
                StoryRef known = pending.known.get(slug);
                return known == null ? Optional.empty() : Optional.ofNullable(Story.findById(known.id()));
            }
        }
        return Story.findBySlug(slug);
    }

    /** A story a file refers to (retells, series, duplicate-of), as far as the checks need it. */
    private static Optional<StoryRef> ref(String slug, Pending pending) {
        if (pending != null) {
            if (pending.fresh != null) {
                Optional<StoryRef> fresh = pending.fresh.get(slug);
                if (fresh.isPresent()) {
                    return fresh;
                }
            }
            StoryRef written = pending.written.get(slug);
            if (written != null) {
                return Optional.of(written);
            }
            if (pending.known.containsKey(slug)) {
                return Optional.ofNullable(pending.known.get(slug));
            }
        }
        return Story.findBySlug(slug).map(StoryRef::of);
    }

    private Outcome writeCatalog(CorpusFile.Catalog file, SlugIndex index) {
        Class<? extends CatalogEntry> type = switch (file.type()) {
            case CHARACTER -> StoryCharacter.class;
            case THEME -> Theme.class;
            default -> Project.class;
        };
        CatalogEntry entry = em.createQuery("from " + type.getSimpleName() + " where slug = :slug", type)
                .setParameter("slug", file.slug()).getResultStream().findFirst().orElse(null);
        if (entry != null && Objects.equals(entry.contentHash, file.hash())) {
            return Outcome.UNCHANGED;
        }
        Outcome outcome = entry == null ? Outcome.CREATED : Outcome.UPDATED;
        if (entry == null) {
            entry = newCatalogEntry(file.type());
            entry.slug = file.slug();
        }
        entry.name = file.name();
        entry.description = file.description();
        entry.sourcePath = file.path();
        entry.contentHash = file.hash();
        entry.persist();
        em.flush();
        index.catalog(file.type()).put(entry.slug, entry.id);
        return outcome;
    }

    private static CatalogEntry newCatalogEntry(FileType type) {
        return switch (type) {
            case CHARACTER -> new StoryCharacter();
            case THEME -> new Theme();
            default -> new Project();
        };
    }

    private Outcome writeRoadmap(CorpusFile.Roadmap file, SlugIndex index, Pending pending) throws FileProblem {
        RoadmapItem item = roadmapItem(file.slug(), index, pending).orElse(null);
        if (item != null && Objects.equals(item.contentHash, file.hash())) {
            return Outcome.UNCHANGED;
        }
        RoadmapItem parent = null;
        if (file.parent().isPresent()) {
            String parentSlug = file.parent().get();
            parent = roadmapItem(parentSlug, index, pending).orElseThrow(() -> new FileProblem(
                    "the parent '" + parentSlug + "' is not a roadmap item", file.parentLine()));
            if (parent.level.ordinal() >= file.level().ordinal()) {
                throw new FileProblem("the parent of " + article(file.level()) + " must be a higher level than "
                        + file.level().slug() + ", but '" + parentSlug + "' is " + article(parent.level),
                        file.parentLine());
            }
        }
        if (item != null && file.level() != item.level) {
            List<RoadmapLevel> childLevels = em
                    .createQuery("select c.level from RoadmapItem c where c.parent = :item", RoadmapLevel.class)
                    .setParameter("item", item).getResultList();
            if (childLevels.stream().anyMatch(level -> level.ordinal() <= file.level().ordinal())) {
                throw new FileProblem("the level cannot become " + file.level().slug()
                        + " while items below it are at that level or higher", 1);
            }
        }
        Outcome outcome = item == null ? Outcome.CREATED : Outcome.UPDATED;
        RoadmapState previousState = item == null ? null : item.state;
        RoadmapItem previousParent = item == null ? null : item.parent;
        if (item == null) {
            item = new RoadmapItem();
            item.slug = file.slug();
        }
        item.title = file.title();
        item.level = file.level();
        item.parent = parent;
        item.state = file.state();
        item.progress = file.progress();
        item.owners.clear();
        item.owners.addAll(file.owners());
        item.landingUrl = file.landing().orElse(null);
        item.impact = file.impact();
        item.sourcePath = file.path();
        item.contentHash = file.hash();
        item.persist();
        RoadmapEvent.recordIfChanged(item, previousState, ACTOR, "from " + file.path());
        index.roadmap.put(item.slug, item.id);
        boolean moved = outcome == Outcome.UPDATED && !Objects.equals(idOf(previousParent), idOf(parent));
        if (pending == null) {
            em.flush();
            rollup.afterChange(item, previousParent);
            if (moved) {
                reach.itemMoved(item);
            }
        } else {
            pending.rollUps.add(item);
            if (previousParent != null) {
                pending.rollUps.add(previousParent);
            }
            if (moved) {
                pending.moved.add(item);
            }
        }
        return outcome;
    }

    /**
     * An item by slug. In a batch the index is trusted (it holds every item the run has seen or written, and an item
     * another import adds meanwhile fails the batch on its unique slug, which is then written again file by file with
     * a fresh index), so no query is needed; the item comes from the persistence context when the batch wrote it.
     */
    private Optional<RoadmapItem> roadmapItem(String slug, SlugIndex index, Pending pending) {
        Long id = index.roadmap.get(slug);
        if (id != null) {
            RoadmapItem found = em.find(RoadmapItem.class, id);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return pending != null && id == null ? Optional.empty() : RoadmapItem.findBySlug(slug);
    }

    private static Long idOf(RoadmapItem item) {
        return item == null ? null : item.id;
    }

    private static String article(RoadmapLevel level) {
        return (level == RoadmapLevel.INITIATIVE ? "an " : "a ") + level.slug();
    }

    private Outcome writeStory(CorpusFile.Story file, SlugIndex index, Pending pending) throws FileProblem {
        Story story = story(file.slug(), pending).orElse(null);
        if (story != null && !story.source.fromFiles()) {
            throw new FileProblem("the slug '" + file.slug() + "' belongs to a story submitted through the "
                    + story.source.slug() + "; rename the file", 0);
        }
        if (story != null && Objects.equals(story.contentHash, file.hash())) {
            return Outcome.UNCHANGED;
        }
        // Resolve every reference first: a refused file must not leave anything behind.
        Long character = file.character().isPresent()
                ? resolve(index.characters, StoryCharacter.class, file.character().get(), "character", file)
                : null;
        Set<Long> themes = new LinkedHashSet<>();
        for (String slug : file.themes()) {
            themes.add(resolve(index.themes, Theme.class, slug, "themes", file));
        }
        Set<Long> projects = new LinkedHashSet<>();
        for (String slug : file.projects()) {
            projects.add(resolve(index.projects, Project.class, slug, "projects", file));
        }
        Map<CorpusFile.Link, Long> links = new LinkedHashMap<>();
        for (CorpusFile.Link link : file.links()) {
            links.put(link, resolve(index.roadmap, RoadmapItem.class, link.item(), link.field(), file));
        }
        Set<Long> retells = new LinkedHashSet<>();
        for (String slug : file.retells()) {
            StoryRef retold = ref(slug, pending).orElseThrow(() -> new FileProblem(
                    "'" + slug + "' in 'retells' is not a story", file.line("retells")));
            if (retold.kind() != StoryKind.STATUS_QUO) {
                throw new FileProblem("'" + slug + "' in 'retells' is not a status-quo story", file.line("retells"));
            }
            retells.add(retold.id());
        }

        Long series = null;
        if (file.series().isPresent()) {
            String slug = file.series().get();
            StoryRef head = ref(slug, pending).orElseThrow(() -> new FileProblem(
                    "the series '" + slug + "' is not a story", file.line("series")));
            if (head.seriesSlug() != null) {
                throw new FileProblem("'" + slug + "' is itself a chapter of '" + head.seriesSlug()
                        + "'; series are one level deep", file.line("series"));
            }
            series = head.id();
        }

        Long duplicateOf = null;
        if (file.duplicateOf().isPresent()) {
            String slug = file.duplicateOf().get();
            duplicateOf = ref(slug, pending).orElseThrow(() -> new FileProblem(
                    "'" + slug + "' in 'duplicate-of' is not a story", file.line("duplicate-of"))).id();
        }

        if (story == null && pending != null && pending.fresh != null) {
            pending.fresh.add(file,
                    new Resolved(character, themes, projects, links, retells, series, duplicateOf), ACTOR);
            return Outcome.CREATED;
        }
        Outcome outcome = story == null ? Outcome.CREATED : Outcome.UPDATED;
        StoryState previous = story == null ? null : story.state;
        if (story == null) {
            story = new Story();
            story.slug = file.slug();
        }
        story.source = file.source();
        story.kind = file.kind();
        story.title = file.title();
        story.summary = file.summary();
        story.body = file.body();
        story.character = character == null ? null : em.getReference(StoryCharacter.class, character);
        story.themes.clear();
        for (Long id : themes) {
            story.themes.add(em.getReference(Theme.class, id));
        }
        story.projects.clear();
        for (Long id : projects) {
            story.projects.add(em.getReference(Project.class, id));
        }
        story.authors.clear();
        story.authors.addAll(file.authors());
        story.faq.clear();
        for (FaqEntry entry : file.faq()) {
            story.faq.add(new FaqEntry(entry.question, entry.answer));
        }
        story.retells.clear();
        for (Long id : retells) {
            story.retells.add(em.getReference(Story.class, id));
        }
        story.series = series == null ? null : em.getReference(Story.class, series);
        story.flags.clear();
        story.flags.addAll(file.flags());
        // A file's state applies to new stories, and to existing ones only when the file says it explicitly.
        StoryState state = file.state().orElse(previous == null ? StoryState.ACCEPTED : previous);
        story.state = state;
        if (file.duplicateOf().isPresent() || state != StoryState.DUPLICATE) {
            story.duplicateOf = duplicateOf == null ? null : em.getReference(Story.class, duplicateOf);
        }
        story.sourcePath = file.path();
        story.contentHash = file.hash();
        if (story.id == null && !file.history().isEmpty()) {
            // A restored story keeps the day it was first submitted (the queue's age depends on it).
            story.createdAt = file.history().get(0).at();
        }
        story.persist();
        if (!file.history().isEmpty()) {
            // The file says what happened to the story (an export): restore that instead of recording the import.
            history.restore(story, file.history());
        } else if (previous != state) {
            TriageEvent.record(story, previous, state, ACTOR,
                    (previous == null ? "imported from " : "state set by ") + file.path());
        }
        syncLinks(story, outcome == Outcome.CREATED, links);
        if (pending == null) {
            em.flush();
            reach.storiesChanged(List.of(story.id));
        } else {
            pending.stories.put(story.slug, story);
            pending.written.put(story.slug, new StoryRef(story.id, story.kind, file.series().orElse(null)));
        }
        return outcome;
    }

    /**
     * Makes the story's file links match the file: adds missing ones, updates relation and note, removes file links
     * the file no longer lists. Links made by people in the tracker stay as they are.
     */
    private void syncLinks(Story story, boolean isNew, Map<CorpusFile.Link, Long> wanted) {
        Map<Long, CorpusFile.Link> wantedByItem = new HashMap<>();
        wanted.forEach((link, item) -> wantedByItem.put(item, link));
        // A new story has no links yet: no need to ask (the query would also flush the story early).
        List<StoryLink> existing = isNew ? List.of() : StoryLink.forStory(story);
        Set<Long> present = new HashSet<>();
        for (StoryLink link : existing) {
            CorpusFile.Link fromFile = wantedByItem.get(link.item.id);
            if (link.fromFile && fromFile == null) {
                link.delete();
                continue;
            }
            present.add(link.item.id);
            if (link.fromFile) {
                link.relation = fromFile.relation();
                link.note = fromFile.note();
            }
        }
        wanted.forEach((spec, item) -> {
            if (present.add(item)) {
                StoryLink link = new StoryLink();
                link.story = story;
                link.item = em.getReference(RoadmapItem.class, item);
                link.relation = spec.relation();
                link.note = spec.note();
                link.fromFile = true;
                link.createdBy = spec.by() == null ? ACTOR : spec.by();
                link.createdAt = spec.at() == null ? Instant.now() : spec.at();
                link.persist();
            }
        });
    }

    private Long resolve(Map<String, Long> cache, Class<?> entity, String slug, String field, CorpusFile.Story file)
            throws FileProblem {
        Long id = cache.get(slug);
        if (id == null) {
            // Another import may have added it since this run began.
            Optional<Long> found = em
                    .createQuery("select e.id from " + entity.getSimpleName() + " e where e.slug = :slug",
                            Long.class)
                    .setParameter("slug", slug).getResultStream().findFirst();
            if (found.isEmpty()) {
                String what = switch (field) {
                    case "character" -> "character";
                    case "themes" -> "theme";
                    case "projects" -> "project";
                    default -> "roadmap item";
                };
                throw new FileProblem("unknown " + what + " '" + slug + "' in '" + field + "'", file.line(field));
            }
            id = found.get();
            cache.put(slug, id);
        }
        return id;
    }
}
