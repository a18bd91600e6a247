package dev.storytracker;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.storytracker.catalog.CatalogEntry;
import dev.storytracker.catalog.Project;
import dev.storytracker.catalog.StoryCharacter;
import dev.storytracker.catalog.Theme;
import dev.storytracker.roadmap.LinkRelation;
import dev.storytracker.roadmap.RoadmapItem;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;
import dev.storytracker.roadmap.StoryLink;
import dev.storytracker.roadmap.StoryReach;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StorySource;
import dev.storytracker.story.StoryState;

/** Builds the rows each test needs and wipes everything but the users between tests. */
@ApplicationScoped
public class TestData {

    private static final List<String> TABLES = List.of("story_recount", "item_tally", "catalog_tally",
            "story_tally_key", "item_reach",
            "story_comment",
            "triage_event", "story_link", "story_retell",
            "story_flag",
            "story_faq",
            "story_author", "story_project", "story_theme", "story", "roadmap_event", "roadmap_owner", "roadmap_item",
            "project",
            "theme",
            "story_character");

    @Inject
    EntityManager em;

    @Inject
    StoryReach reach;

    @Transactional
    public void reset() {
        em.createNativeQuery("update story set duplicate_of_id = null, series_id = null, assignee_id = null")
                .executeUpdate();
        em.createNativeQuery("update roadmap_item set parent_id = null").executeUpdate();
        for (String table : TABLES) {
            em.createNativeQuery("delete from " + table).executeUpdate();
        }
        // Users made by tests go; the bootstrap admin stays.
        em.createNativeQuery("delete from app_user where username <> 'admin'").executeUpdate();
    }

    @Transactional
    public void character(String slug) {
        catalog(new StoryCharacter(), slug);
    }

    @Transactional
    public void theme(String slug) {
        catalog(new Theme(), slug);
    }

    @Transactional
    public void project(String slug) {
        catalog(new Project(), slug);
    }

    private static void catalog(CatalogEntry entry, String slug) {
        entry.slug = slug;
        entry.name = Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
        entry.description = "About " + slug + ".";
        entry.persist();
    }

    @Transactional
    public void item(String slug, RoadmapLevel level, String parent) {
        RoadmapItem item = new RoadmapItem();
        item.slug = slug;
        item.title = "Item " + slug;
        item.level = level;
        item.parent = parent == null ? null : RoadmapItem.findBySlug(parent).orElseThrow();
        item.state = RoadmapState.IN_PROGRESS;
        item.progress = 50;
        item.impact = "Impact of " + slug + ".";
        item.persist();
    }

    /** A story with the given facts; body and summary are derived from the title. */
    @Transactional
    public void story(String slug, StoryKind kind, StoryState state, String character, List<String> themes,
            List<String> projects, List<String> roadmap) {
        Story story = new Story();
        story.slug = slug;
        story.kind = kind;
        story.state = state;
        story.title = "Title of " + slug;
        story.summary = "Summary of " + slug;
        story.body = "The story of " + slug + ".";
        story.source = StorySource.FILE;
        story.character = StoryCharacter.findBySlug(character).orElseThrow();
        themes.forEach(t -> story.themes.add(Theme.findBySlug(t).orElseThrow()));
        projects.forEach(p -> story.projects.add(Project.findBySlug(p).orElseThrow()));
        story.persist();
        for (String slugOfItem : roadmap) {
            StoryLink link = new StoryLink();
            link.story = story;
            link.item = RoadmapItem.findBySlug(slugOfItem).orElseThrow();
            link.relation = LinkRelation.MOTIVATES;
            link.createdBy = "test";
            link.createdAt = Instant.now();
            link.persist();
        }
        // As the services do after a write: the planners' stored counts follow.
        reach.storiesChanged(List.of(story.id));
    }

    @Transactional
    public void setBody(String slug, String body) {
        Story.findBySlug(slug).orElseThrow().body = body;
    }

    /** Back-dates a story (created_at is not updatable through the entity, on purpose). */
    @Transactional
    public void setCreatedAt(String slug, Instant createdAt) {
        em.createNativeQuery("update story set created_at = ?1 where slug = ?2").setParameter(1, createdAt)
                .setParameter(2, slug).executeUpdate();
    }

    @Transactional
    public void setTitle(String slug, String title) {
        Story.findBySlug(slug).orElseThrow().title = title;
    }

    @Transactional
    public void setState(String slug, StoryState state) {
        Story story = Story.findBySlug(slug).orElseThrow();
        story.state = state;
        reach.storiesChanged(List.of(story.id));
    }

    /** A user with the given comma-separated roles and the password "password-" + name; replaced if present. */
    @Transactional
    public void user(String username, String roles) {
        dev.storytracker.account.User.delete("username", username);
        dev.storytracker.account.User user = new dev.storytracker.account.User();
        user.username = username;
        user.roles = roles;
        user.setPassword("password-" + username);
        user.persist();
    }

    @Transactional
    public long count(String entity) {
        return em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
    }

    @Transactional
    public long count(String entity, String where, Object... params) {
        var query = em.createQuery("select count(e) from " + entity + " e where " + where, Long.class);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getSingleResult();
    }

    public static Instant now() {
        return Instant.now();
    }
}
