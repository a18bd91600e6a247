package dev.storytracker.roadmap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.storytracker.SlugEnum;
import dev.storytracker.story.Story;
import dev.storytracker.web.ConflictException;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Problem;

/**
 * Planners' links between stories and roadmap items. A link made or changed here is the planner's: it is no longer
 * {@code fromFile}, so an import never changes or removes it.
 */
@ApplicationScoped
public class LinkService {

    /** The same bound as a story file's {@code links}. */
    public static final int MAX_LINKS_PER_STORY = 100;

    @Inject
    EntityManager em;

    @Inject
    StoryReach reach;

    /** The result of a put: the link, and whether it was new. */
    public record Put(LinkJson link, boolean created) {
    }

    @Transactional
    public Put put(LinkInput input, String actor) {
        List<Problem.Violation> violations = new ArrayList<>();
        Story story = Story.findBySlug(input.story()).orElse(null);
        if (story == null) {
            violations.add(new Problem.Violation("story", "'" + input.story() + "' is not a story"));
        }
        RoadmapItem item = RoadmapItem.findBySlug(input.item()).orElse(null);
        if (item == null) {
            violations.add(new Problem.Violation("item", "'" + input.item() + "' is not a roadmap item"));
        }
        InvalidInputException.throwIfAny(violations);
        LinkRelation relation = input.relation() == null ? LinkRelation.MOTIVATES
                : SlugEnum.parse(LinkRelation.class, input.relation()).orElseThrow();
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        StoryLink link = StoryLink.between(story, item).orElse(null);
        if (link == null) {
            long links = StoryLink.count("story", story);
            if (links >= MAX_LINKS_PER_STORY) {
                throw InvalidInputException.of("story",
                        "already has " + MAX_LINKS_PER_STORY + " links, the most a story may have");
            }
            link = new StoryLink();
            link.story = story;
            link.item = item;
            link.relation = relation;
            link.note = note;
            link.createdBy = actor;
            link.createdAt = Instant.now();
            link.persist();
            flush();
            reach.storiesChanged(List.of(story.id));
            return new Put(LinkJson.of(link), true);
        }
        // Putting the same link again changes nothing, not even who touched it last.
        if (link.fromFile || link.relation != relation || !Objects.equals(link.note, note)) {
            link.relation = relation;
            link.note = note;
            link.fromFile = false;
            link.updatedBy = actor;
            link.updatedAt = Instant.now();
            flush();
        }
        return new Put(LinkJson.of(link), false);
    }

    /** Removes the link if there is one; true when something was removed. */
    @Transactional
    public boolean delete(String storySlug, String itemSlug) {
        Story story = Story.findBySlug(storySlug).orElseThrow(() -> new NotFoundProblem("story", storySlug));
        RoadmapItem item = RoadmapItem.findBySlug(itemSlug)
                .orElseThrow(() -> new NotFoundProblem("roadmap item", itemSlug));
        if (StoryLink.delete("story = ?1 and item = ?2", story, item) == 0) {
            return false;
        }
        reach.storiesChanged(List.of(story.id));
        return true;
    }

    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException("Edit conflict",
                    "This link was changed at the same moment by someone else. Reload it and try again.");
        }
    }
}
