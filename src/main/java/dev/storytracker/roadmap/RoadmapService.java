package dev.storytracker.roadmap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.storytracker.SlugEnum;
import dev.storytracker.Slugs;
import dev.storytracker.web.ConflictException;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Problem;

/**
 * Write side of the roadmap for planners: creating and editing items, with the tree's rules (a parent is of a higher
 * level, no cycles), optimistic locking, a {@link RoadmapEvent} per state change and rolled-up progress kept current.
 */
@ApplicationScoped
public class RoadmapService {

    @Inject
    EntityManager em;

    @Inject
    RoadmapRollup rollup;

    @Inject
    RoadmapQueries queries;

    @Inject
    StoryReach reach;

    @Transactional
    public RoadmapJson.Detail create(RoadmapInput input, String actor) {
        String slug = input.slug() != null ? input.slug() : Slugs.fromText(input.title(), 80, "item");
        if (RoadmapItem.findBySlug(slug).isPresent()) {
            throw new ConflictException("Slug taken",
                    "There is already a roadmap item '" + slug + "'; choose another slug or edit that item.");
        }
        RoadmapItem item = new RoadmapItem();
        item.slug = slug;
        apply(item, input);
        item.persist();
        RoadmapEvent.recordIfChanged(item, null, actor, "created");
        flush(slug);
        rollup.afterChange(item, null);
        return queries.detail(slug).orElseThrow();
    }

    @Transactional
    public RoadmapJson.Detail update(String slug, RoadmapInput input, String actor) {
        RoadmapItem item = RoadmapItem.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("roadmap item", slug));
        if (input.version() == null) {
            throw InvalidInputException.of("version", "is required: send the version you started from");
        }
        if (input.version() != item.version) {
            throw new ConflictException("Edit conflict", "The item changed since version " + input.version()
                    + " (it is now at version " + item.version + "). Reload it and apply your change again.");
        }
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw InvalidInputException.of("slug", "cannot be changed (it is '" + slug + "')");
        }
        RoadmapState before = item.state;
        RoadmapItem previousParent = item.parent;
        apply(item, input);
        RoadmapEvent.recordIfChanged(item, before, actor, null);
        flush(slug);
        rollup.afterChange(item, previousParent);
        if (previousParent != item.parent) {
            // The stories linked at or below the item reach the new ancestors instead of the old ones.
            reach.itemMoved(item);
        }
        return queries.detail(slug).orElseThrow();
    }

    private void flush(String slug) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            // A concurrent request created the same slug or changed the item; the version check lost a race.
            throw new ConflictException("Edit conflict",
                    "'" + slug + "' was changed at the same moment by someone else. Reload it and try again.");
        }
    }

    /** Checks the references and the tree's rules, then copies the input onto the item. */
    private void apply(RoadmapItem item, RoadmapInput input) {
        List<Problem.Violation> violations = new ArrayList<>();
        RoadmapLevel level = SlugEnum.parse(RoadmapLevel.class, input.level()).orElseThrow();
        RoadmapItem parent = parent(item, level, input.parent(), violations);
        if (item.id != null) {
            List<RoadmapLevel> childLevels = em
                    .createQuery("select c.level from RoadmapItem c where c.parent = :item", RoadmapLevel.class)
                    .setParameter("item", item).getResultList();
            if (childLevels.stream().anyMatch(l -> l.ordinal() <= level.ordinal())) {
                violations.add(new Problem.Violation("level", "cannot become " + level.slug()
                        + " while items below it are at that level or higher"));
            }
        }
        if (input.landing() != null && !isWebAddress(input.landing())) {
            violations.add(new Problem.Violation("landing", "must be an http or https URL"));
        }
        InvalidInputException.throwIfAny(violations);
        RoadmapState state = input.state() == null ? RoadmapState.HELP_WANTED
                : SlugEnum.parse(RoadmapState.class, input.state()).orElseThrow();
        item.title = input.title().strip();
        item.level = level;
        item.parent = parent;
        item.state = state;
        item.progressMode = input.progressMode() == null ? ProgressMode.MANUAL
                : SlugEnum.parse(ProgressMode.class, input.progressMode()).orElseThrow();
        // A rolled-up item's progress is computed by RoadmapRollup; what the client sent is ignored.
        if (item.progressMode == ProgressMode.MANUAL || item.id == null) {
            item.progress = input.progress() != null ? input.progress() : state == RoadmapState.DONE ? 100 : 0;
        }
        item.owners.clear();
        input.ownersOrEmpty().stream().map(String::strip).distinct().forEach(item.owners::add);
        item.landingUrl = input.landing();
        item.impact = input.impact() == null ? "" : input.impact();
    }

    private RoadmapItem parent(RoadmapItem item, RoadmapLevel level, String slug, List<Problem.Violation> violations) {
        if (slug == null) {
            if (level != RoadmapLevel.GOAL) {
                violations.add(new Problem.Violation("parent", "is required for " + article(level)));
            }
            return null;
        }
        if (level == RoadmapLevel.GOAL) {
            violations.add(new Problem.Violation("parent", "must be left out: a goal has no parent"));
            return null;
        }
        RoadmapItem parent = RoadmapItem.findBySlug(slug).orElse(null);
        if (parent == null) {
            violations.add(new Problem.Violation("parent", "'" + slug + "' is not a roadmap item"));
        } else if (item.id != null && isAtOrBelow(parent, item)) {
            violations.add(new Problem.Violation("parent", "'" + slug + "' is " + item.slug
                    + (parent.id.equals(item.id) ? " itself" : " or below it") + ": that would make a cycle"));
        } else if (parent.level.ordinal() >= level.ordinal()) {
            violations.add(new Problem.Violation("parent", "must be a higher level than " + level.slug() + ", but '"
                    + slug + "' is " + article(parent.level)));
        } else {
            return parent;
        }
        return null;
    }

    /** Whether {@code candidate} is {@code item} or one of its descendants, asked of the database's closure. */
    private boolean isAtOrBelow(RoadmapItem candidate, RoadmapItem item) {
        Number found = (Number) em.createNativeQuery(RoadmapTree.closure(true)
                + "select count(*) from roadmap_closure where ancestor_id = :item and descendant_id = :candidate")
                .setParameter("item", item.id).setParameter("candidate", candidate.id).getSingleResult();
        return found.longValue() > 0;
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String article(RoadmapLevel level) {
        return (level == RoadmapLevel.INITIATIVE ? "an " : "a ") + level.slug();
    }
}
