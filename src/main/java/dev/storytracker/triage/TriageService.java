package dev.storytracker.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storytracker.SlugEnum;
import dev.storytracker.account.User;
import dev.storytracker.roadmap.StoryReach;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryJson;
import dev.storytracker.story.StoryQueries;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.ConflictException;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.NotFoundProblem;

/**
 * Moves stories through review, assigns them and records comments. Every change names the version it was decided on;
 * a stale version is refused with 409 so two triagers never overwrite each other.
 */
@ApplicationScoped
public class TriageService {

    @Inject
    EntityManager em;

    @Inject
    StoryQueries queries;

    @Inject
    StoryReach reach;

    public StoryJson.Detail transition(String slug, TransitionInput input, String actor) {
        StoryState to = SlugEnum.parse(StoryState.class, input.to()).orElseThrow(() -> InvalidInputException.of("to",
                "must be one of " + String.join(", ", SlugEnum.slugs(StoryState.class))));
        return QuarkusTransaction.requiringNew().call(() -> {
            Story story = current(slug, input.version());
            StoryState from = story.state;
            if (!Workflow.allowed(from, to)) {
                List<String> allowed = Workflow.nextStates(from).stream().map(StoryState::slug).toList();
                throw new ConflictException("Transition not allowed", "A story in state " + from.slug()
                        + " cannot move to " + to.slug() + "; allowed: " + String.join(", ", allowed) + ".", allowed);
            }
            if (to == StoryState.DUPLICATE) {
                story.duplicateOf = original(story, input.duplicateOf());
            } else {
                story.duplicateOf = null;
            }
            story.state = to;
            String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
            if (to == StoryState.DUPLICATE) {
                note = (note == null ? "" : note + " ") + "(duplicate of " + story.duplicateOf.slug + ")";
            }
            TriageEvent.record(story, from, to, actor, note);
            em.flush();
            reach.storiesChanged(List.of(story.id));
            return queries.detail(story);
        });
    }

    private static Story original(Story story, String duplicateOf) {
        if (duplicateOf == null || duplicateOf.isBlank()) {
            throw InvalidInputException.of("duplicateOf", "is required when marking a duplicate");
        }
        if (duplicateOf.equals(story.slug)) {
            throw InvalidInputException.of("duplicateOf", "cannot be the story itself");
        }
        return Story.findBySlug(duplicateOf)
                .orElseThrow(() -> InvalidInputException.of("duplicateOf", "'" + duplicateOf + "' is not a story"));
    }

    public StoryJson.Detail assign(String slug, TriageJson.AssignInput input) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Story story = current(slug, input.version());
            story.assignee = assignable(input.assignee());
            em.flush();
            return queries.detail(story);
        });
    }

    /** A user who may be given stories to review, or null for "nobody". */
    static User assignable(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        User user = User.findByUsername(username.strip()).orElse(null);
        if (user == null || !user.enabled
                || !(user.roles.contains(User.TRIAGER) || user.roles.contains(User.ADMIN))) {
            throw InvalidInputException.of("assignee", "'" + username + "' is not an active triager");
        }
        return user;
    }

    public TriageJson.HistoryEntry comment(String slug, TriageJson.CommentInput input, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Story story = Story.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
            Comment comment = new Comment();
            comment.story = story;
            comment.author = actor;
            comment.createdAt = Instant.now();
            comment.body = input.body().strip();
            comment.toWriter = input.toWriter();
            comment.persist();
            return TriageJson.HistoryEntry.of(comment);
        });
    }

    /** Transitions and comments of a story in the order they happened. */
    public List<TriageJson.HistoryEntry> history(String slug) {
        Story story = Story.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
        List<TriageJson.HistoryEntry> entries = new ArrayList<>();
        TriageEvent.forStory(story).forEach(e -> entries.add(TriageJson.HistoryEntry.of(e)));
        Comment.<Comment>list("story = ?1 order by createdAt, id", story)
                .forEach(c -> entries.add(TriageJson.HistoryEntry.of(c)));
        entries.sort(Comparator.comparing(TriageJson.HistoryEntry::at));
        return entries;
    }

    /** The story at the version the caller saw; a missing version is a bad request, a stale one a conflict. */
    private static Story current(String slug, Integer version) {
        Story story = Story.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
        if (version == null) {
            throw InvalidInputException.of("version", "is required: send the version you saw");
        }
        if (version != story.version) {
            throw new ConflictException("Edit conflict", "The story changed since version " + version
                    + " (it is now at version " + story.version + "). Reload it and decide again.");
        }
        return story;
    }
}
