package dev.storytracker.story;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.storytracker.SlugEnum;
import dev.storytracker.Slugs;
import dev.storytracker.catalog.Project;
import dev.storytracker.catalog.StoryCharacter;
import dev.storytracker.catalog.Theme;
import dev.storytracker.triage.TriageEvent;
import dev.storytracker.web.ConflictException;
import dev.storytracker.web.ForbiddenProblem;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Problem;

/** Write side of stories submitted by writers: creating them with a fresh slug and edit token, and revising them. */
@ApplicationScoped
public class StoryService {

    private static final Logger LOG = Logger.getLogger(StoryService.class);
    private static final int SLUG_ATTEMPTS = 8;
    private static final ReentrantLock[] SLUG_TURNS = new ReentrantLock[64];

    static {
        for (int i = 0; i < SLUG_TURNS.length; i++) {
            SLUG_TURNS[i] = new ReentrantLock();
        }
    }

    @Inject
    EntityManager em;

    @Inject
    StoryQueries queries;

    @Inject
    Event<StoryChanged> changed;

    /** A new story in state submitted, with its private edit token (returned once, never stored in clear). */
    public StoryJson.Created create(StoryInput input, StorySource source, String actor) {
        return insert(input.title(), StoryState.SUBMITTED, source, actor, story -> apply(story, input));
    }

    /**
     * An idea: a short summary looking for a writer, with candidate characters and morals. Stored as a status-quo
     * story in state idea, so a writer can later pick it up and the working group triages it like any other.
     */
    public StoryJson.Created createIdea(IdeaInput idea, StorySource source, String actor) {
        List<StoryCharacter> candidates = new ArrayList<>();
        List<Problem.Violation> violations = new ArrayList<>();
        // Read in a short transaction of its own, so that no connection is held while insert() takes one.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < idea.candidatesOrEmpty().size(); i++) {
                String slug = idea.candidatesOrEmpty().get(i);
                StoryCharacter c = StoryCharacter.findBySlug(slug).orElse(null);
                if (c == null) {
                    violations.add(
                            new Problem.Violation("candidates[" + i + "]", "'" + slug + "' is not a known character"));
                } else {
                    candidates.add(c);
                }
            }
        });
        InvalidInputException.throwIfAny(violations);
        StringBuilder body = new StringBuilder(idea.summary().strip());
        if (!candidates.isEmpty()) {
            body.append("\n\n## Candidate characters\n\n");
            candidates.forEach(c -> body.append("- ").append(c.name).append('\n'));
        }
        return insert(idea.title(), StoryState.IDEA, source, actor, story -> {
            story.kind = StoryKind.STATUS_QUO;
            story.title = idea.title().strip();
            story.summary = StoryText.cut(idea.summary().strip().replaceAll("\\s+", " "), Story.MAX_SUMMARY);
            story.body = body.toString().strip();
            story.character = candidates.size() == 1 ? candidates.get(0) : null;
            story.authors.clear();
            idea.authorsOrEmpty().stream().map(String::strip).distinct().forEach(story.authors::add);
            story.faq.clear();
            if (idea.morals() != null && !idea.morals().isBlank()) {
                story.faq.add(new FaqEntry(FormQuestions.IDEA_MORALS, idea.morals().strip()));
            }
        });
    }

    private StoryJson.Created insert(String title, StoryState initial, StorySource source, String actor,
            java.util.function.Consumer<Story> fill) {
        String token = EditTokens.newToken();
        String base = Slugs.fromText(title, 80, "story");
        // The first of simultaneous submissions of one title in this instance picks base, base-2, base-3...; the
        // others do not queue behind it but take a random suffix at once. Racing them all for the same next number
        // would make each loser wait for the winner's commit while holding a connection (H2 does), which drains
        // the pool under a burst. Across instances the unique index decides and the loser retries the same way.
        ReentrantLock turn = SLUG_TURNS[Math.floorMod(base.hashCode(), SLUG_TURNS.length)];
        if (!turn.tryLock()) {
            return insertFrom(1, base, token, initial, source, actor, fill);
        }
        try {
            return insertFrom(0, base, token, initial, source, actor, fill);
        } finally {
            turn.unlock();
        }
    }

    private StoryJson.Created insertFrom(int firstAttempt, String base, String token, StoryState initial,
            StorySource source, String actor, java.util.function.Consumer<Story> fill) {
        for (int attempt = firstAttempt; attempt < SLUG_ATTEMPTS; attempt++) {
            int round = attempt;
            try {
                StoryJson.Detail detail = QuarkusTransaction.requiringNew().call(() -> {
                    Story story = new Story();
                    story.slug = freeSlug(base, round);
                    story.source = source;
                    story.state = initial;
                    story.editTokenHash = EditTokens.hash(token);
                    fill.accept(story);
                    story.persist();
                    TriageEvent.record(story, null, initial, actor, "submitted through the " + source.slug());
                    em.flush();
                    changed.fire(new StoryChanged(story.id));
                    return queries.detail(story);
                });
                return new StoryJson.Created(detail, token, "/stories/" + detail.slug() + "/edit?token=" + token);
            } catch (PersistenceException e) {
                if (!slugTaken(e)) {
                    throw e;
                }
                // Another submission took the same slug between the check and the insert: try another one.
                LOG.debugf("slug for '%s' taken concurrently (attempt %d)", base, attempt + 1);
            }
        }
        throw new ConflictException("Busy", "Could not find a free slug for this title; please submit again.");
    }

    /** Revises a story through its edit token, as long as the working group has not closed it. */
    public StoryJson.Detail revise(String slug, String token, StoryInput input) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Story story = Story.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
            if (!EditTokens.matches(token, story.editTokenHash)) {
                throw new ForbiddenProblem("The edit token does not match this story.");
            }
            if (!story.state.editableByWriter()) {
                throw new ConflictException("No longer editable", "This story is " + story.state.slug()
                        + ": its edit link no longer changes it. Ask the working group if something needs fixing.");
            }
            if (input.version() == null) {
                throw InvalidInputException.of("version", "is required: send the version you started from");
            }
            if (input.version() != story.version) {
                throw new ConflictException("Edit conflict", "The story changed since version " + input.version()
                        + " (it is now at version " + story.version + "). Reload it and apply your change again.");
            }
            apply(story, input);
            em.flush();
            changed.fire(new StoryChanged(story.id));
            return queries.detail(story);
        });
    }

    /** Checks every reference and bound, then copies the input onto the story. */
    private void apply(Story story, StoryInput input) {
        List<Problem.Violation> violations = new ArrayList<>();
        StoryKind kind = SlugEnum.parse(StoryKind.class, input.kind()).orElseThrow();
        if (input.body().getBytes(StandardCharsets.UTF_8).length > Story.MAX_BODY_BYTES) {
            violations.add(new Problem.Violation("body", "must be at most 256 KiB of UTF-8 text"));
        }
        StoryCharacter character = StoryCharacter.findBySlug(input.character()).orElse(null);
        if (character == null) {
            violations.add(new Problem.Violation("character", "is not a known character"));
        }
        Set<Theme> themes = new LinkedHashSet<>();
        for (int i = 0; i < input.themesOrEmpty().size(); i++) {
            String slug = input.themesOrEmpty().get(i);
            Theme theme = Theme.findBySlug(slug).orElse(null);
            if (theme == null) {
                violations.add(new Problem.Violation("themes[" + i + "]", "'" + slug + "' is not a known theme"));
            } else {
                themes.add(theme);
            }
        }
        Set<Project> projects = new LinkedHashSet<>();
        for (int i = 0; i < input.projectsOrEmpty().size(); i++) {
            String slug = input.projectsOrEmpty().get(i);
            Project project = Project.findBySlug(slug).orElse(null);
            if (project == null) {
                violations.add(new Problem.Violation("projects[" + i + "]", "'" + slug + "' is not a known project"));
            } else {
                projects.add(project);
            }
        }
        Set<Story> retells = new LinkedHashSet<>();
        if (kind == StoryKind.STATUS_QUO && !input.retellsOrEmpty().isEmpty()) {
            violations.add(new Problem.Violation("retells", "only shiny-future stories retell other stories"));
        } else {
            for (int i = 0; i < input.retellsOrEmpty().size(); i++) {
                String slug = input.retellsOrEmpty().get(i);
                Story retold = Story.findBySlug(slug).orElse(null);
                if (retold == null || retold.kind != StoryKind.STATUS_QUO || retold == story) {
                    violations.add(
                            new Problem.Violation("retells[" + i + "]", "'" + slug + "' is not a status-quo story"));
                } else {
                    retells.add(retold);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        story.kind = kind;
        story.title = input.title().strip();
        story.body = input.body();
        String summary = input.summary() == null ? "" : input.summary().strip();
        story.summary = summary.isEmpty() ? StoryText.summarize(input.body(), 280) : summary;
        story.character = character;
        story.themes.clear();
        story.themes.addAll(themes);
        story.projects.clear();
        story.projects.addAll(projects);
        story.authors.clear();
        input.authorsOrEmpty().stream().map(String::strip).distinct().forEach(story.authors::add);
        story.faq.clear();
        input.faqOrEmpty().forEach(f -> story.faq.add(new FaqEntry(f.question().strip(), f.answer().strip())));
        story.retells.clear();
        story.retells.addAll(retells);
    }

    /**
     * Whether the insert lost a race for its slug: a unique constraint broke (the slug is the only one a new story
     * can break), or the database gave up waiting for another transaction inserting the same slug (H2 waits for it
     * and times out under a burst). Anything else, such as no free connection, is not solved by another slug.
     */
    private static boolean slugTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return violation
                        .getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE;
            }
            if (cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** The base slug if free, else base-2, base-3, ...; after a lost race, a random suffix. */
    private String freeSlug(String base, int attempt) {
        if (attempt > 0) {
            return base + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36 * 36), 36);
        }
        List<String> taken = em.createQuery("select s.slug from Story s where s.slug = :base or s.slug like :prefix",
                String.class).setParameter("base", base).setParameter("prefix", base + "-%").getResultList();
        if (!taken.contains(base)) {
            return base;
        }
        Set<String> set = new java.util.HashSet<>(taken);
        for (int n = 2;; n++) {
            String candidate = base + "-" + n;
            if (!set.contains(candidate)) {
                return candidate;
            }
        }
    }
}
