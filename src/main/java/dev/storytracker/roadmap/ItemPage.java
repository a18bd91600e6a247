package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.TrackerConfig;
import dev.storytracker.account.Roles;
import dev.storytracker.account.User;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.story.StoryFilter;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Links;
import dev.storytracker.web.Markdown;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Page;
import dev.storytracker.web.Pager;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;

/**
 * Renders a roadmap item's page: its facts and impact, the items below it, the stories reaching it grouped by
 * character or theme, and for planners the links made to it with their forms. Shared by the page and by the link
 * forms, which show it again with what was typed when a link is refused.
 */
@ApplicationScoped
public class ItemPage {

    @Inject
    RoadmapQueries roadmap;

    @Inject
    ItemStoryQueries stories;

    @Inject
    ItemLinkQueries links;

    @Inject
    CatalogQueries catalog;

    @Inject
    Markdown markdown;

    @Inject
    TrackerConfig config;

    @Inject
    SecurityIdentity identity;

    /** An item above this one, for the breadcrumb. */
    public record Crumb(String slug, String title) {
    }

    /** How many stories fall under a character or theme, with its name. */
    public record NamedCount(String slug, String name, long stories) {
    }

    /** An item at or below this one that a story is linked to; {@code here} when it is this item. */
    public record ViaLink(String slug, String title, String relation, boolean here) {
    }

    /** A story of the list with the items it reaches this one through. */
    public record Entry(PlannerJson.ItemStory story, List<ViaLink> via) {
    }

    /** The stories of one character or theme on this page; {@code continued} when it began on an earlier page. */
    public record Group(String key, String name, long count, boolean continued, List<Entry> stories) {
    }

    /** The planners' part: the links made to this item, the relations, and a refused form to show again. */
    public record LinkPanel(Page<ItemLinkQueries.LinkRow> links, Pager pager, List<String> relations,
            LinkForm form) {
    }

    /** An item directly below this one, with the accepted stories reaching it. */
    public record Child(RoadmapJson.Node item, long reached) {
    }

    /** Everything the page shows. */
    public record View(RoadmapJson.Detail item, List<Crumb> ancestors, RawString impact, List<Child> children,
            String by, long stories, List<Group> groups, Pager pager, List<NamedCount> characters,
            List<NamedCount> themes, boolean workingGroup, LinkPanel links, String done) {
    }

    @CheckedTemplate(basePath = "RoadmapPages")
    static class Templates {
        static native TemplateInstance item(View view);
    }

    public Response render(String slug, String by, String page, String linksPage, String done, LinkForm form) {
        RoadmapItem item = RoadmapItem.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("roadmap item", slug));
        RoadmapJson.Detail detail = roadmap.detail(slug).orElseThrow();
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = InvalidInputException.collect(violations, () -> paging(page, "page"));
        Paging linkPaging = InvalidInputException.collect(violations, () -> paging(linksPage, "links"));
        ItemStoryQueries.Grouping grouping = InvalidInputException.collect(violations, () -> grouping(by));
        InvalidInputException.throwIfAny(violations);

        StoryScope scope = StoryScope.of(StoryFilter.none(), identity);
        CatalogQueries.Names names = catalog.names();
        ItemStoryQueries.Tally tally = stories.tally(item, true, scope);
        List<NamedCount> characters = tally.characters().stream()
                .map(c -> new NamedCount(c.slug(), names.character(c.slug()), c.stories())).toList();
        List<NamedCount> themes = tally.themes().stream()
                .map(c -> new NamedCount(c.slug(), names.theme(c.slug()), c.stories())).toList();
        Page<ItemStoryQueries.Grouped> rows = stories.grouped(scope, grouping, tally, paging);
        boolean byTheme = grouping == ItemStoryQueries.Grouping.THEME;
        long total = tally.total();
        List<Group> groups = groups(rows, paging, byTheme ? themes : characters, byTheme, slug);
        String byParam = byTheme ? "theme" : null;
        Pager pager = Pager.of(rows, "/roadmap/" + Links.encode(slug), Links.params("by", byParam));

        List<Crumb> crumbs = new ArrayList<>();
        Map<String, String> titles = roadmap.titles(detail.ancestors());
        for (int i = detail.ancestors().size() - 1; i >= 0; i--) {
            String a = detail.ancestors().get(i);
            crumbs.add(new Crumb(a, titles.getOrDefault(a, a)));
        }
        LinkPanel panel = null;
        if (identity.hasRole(User.PLANNER) || identity.hasRole(User.ADMIN)) {
            Page<ItemLinkQueries.LinkRow> made = links.linksTo(item, linkPaging);
            panel = new LinkPanel(made, pager(made, slug, byParam), LinkForms.relations(),
                    form == null ? LinkForm.NONE : form);
        }
        Map<String, Long> reached = roadmap
                .reachedCounts(detail.children().stream().map(RoadmapJson.Node::slug).toList());
        List<Child> children = detail.children().stream()
                .map(c -> new Child(c, reached.getOrDefault(c.slug(), 0L))).toList();
        View view = new View(detail, crumbs, markdown.render(detail.impact()), children,
                byTheme ? "theme" : "character", total, groups, pager, characters, themes,
                Roles.isWorkingGroup(identity), panel, done);
        return Response.status(form == null ? 200 : form.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(Templates.item(view)).build();
    }

    /** Cuts the page of rows into groups, naming each and saying whether it began on an earlier page. */
    private List<Group> groups(Page<ItemStoryQueries.Grouped> rows, Paging paging, List<NamedCount> counts,
            boolean byTheme, String here) {
        Map<String, NamedCount> byKey = new HashMap<>();
        counts.forEach(c -> byKey.put(c.slug(), c));
        long named = counts.stream().mapToLong(NamedCount::stories).sum();
        Set<String> viaSlugs = new HashSet<>();
        rows.items().forEach(r -> r.story().via().forEach(v -> viaSlugs.add(v.item())));
        Map<String, String> titles = roadmap.titles(viaSlugs);
        List<Group> groups = new ArrayList<>();
        for (ItemStoryQueries.Grouped row : rows.items()) {
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last == null || !Objects.equals(last.key(), row.group())) {
                NamedCount count = byKey.get(row.group());
                String name = row.group() == null ? (byTheme ? "No theme" : "No character") : count.name();
                long size = row.group() == null ? rows.total() - named : count.stories();
                long start = counts.stream().filter(c -> row.group() == null || c.slug().compareTo(row.group()) < 0)
                        .mapToLong(NamedCount::stories).sum();
                last = new Group(row.group(), name, size, start < paging.offset() && groups.isEmpty(),
                        new ArrayList<>());
                groups.add(last);
            }
            List<ViaLink> via = row.story().via().stream().map(v -> new ViaLink(v.item(),
                    titles.getOrDefault(v.item(), v.item()), v.relation().slug(), v.item().equals(here))).toList();
            last.stories().add(new Entry(row.story(), via));
        }
        return groups;
    }

    private static Pager pager(Page<?> page, String slug, String by) {
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        String path = "/roadmap/" + Links.encode(slug);
        String previous = page.page() > 1
                ? Links.of(path, Links.params("by", by, "links", String.valueOf(page.page() - 1))) + "#links"
                : null;
        String next = page.page() < pages
                ? Links.of(path, Links.params("by", by, "links", String.valueOf(page.page() + 1))) + "#links"
                : null;
        return new Pager(page.page(), pages, page.total(), previous, next);
    }

    private Paging paging(String page, String name) {
        try {
            return Paging.of(page, null, config.api().defaultPageSize(), config.api().maxPageSize());
        } catch (InvalidInputException e) {
            throw InvalidInputException.of(name, "must be between 1 and 1000000");
        }
    }

    private static ItemStoryQueries.Grouping grouping(String by) {
        if (by == null || by.isBlank() || by.strip().equals("character")) {
            return ItemStoryQueries.Grouping.CHARACTER;
        }
        if (by.strip().equals("theme")) {
            return ItemStoryQueries.Grouping.THEME;
        }
        throw InvalidInputException.of("by", "must be character or theme");
    }
}
