package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.TrackerConfig;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.story.StoryFilter;
import dev.storytracker.web.Links;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Page;
import dev.storytracker.web.Pager;
import dev.storytracker.web.Paging;

/**
 * The trace of one item as a picture drawn by the server: its stories flowing into the items they are linked to and
 * on up to it, with the same connections as a table and the stories listed below.
 */
@Path("/roadmap/{slug}/trace")
@Produces(MediaType.TEXT_HTML)
public class TracePage {

    @Inject
    TraceGraphQueries graphs;

    @Inject
    ItemStoryQueries stories;

    @Inject
    RoadmapQueries roadmap;

    @Inject
    CatalogQueries catalog;

    @Inject
    TrackerConfig config;

    @Inject
    SecurityIdentity identity;

    /** A story below the picture, with the titles of the items it is linked to. */
    public record Listed(PlannerJson.ItemStory story, List<String> via) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trace(RoadmapJson.Detail item, List<ItemPage.Crumb> ancestors,
                TraceGraphQueries.Trace trace, Page<Listed> page, Pager pager, CatalogQueries.Names names);
    }

    @GET
    public TemplateInstance trace(@PathParam("slug") String slug, @QueryParam("page") String page) {
        RoadmapItem item = RoadmapItem.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("roadmap item", slug));
        RoadmapJson.Detail detail = roadmap.detail(slug).orElseThrow();
        Paging paging = Paging.of(page, null, config.api().defaultPageSize(), config.api().maxPageSize());
        StoryScope scope = StoryScope.of(StoryFilter.none(), identity);
        Page<PlannerJson.ItemStory> found = stories.stories(item, true, scope, paging).stories();
        Set<String> slugs = new HashSet<>(detail.ancestors());
        found.items().forEach(s -> s.via().forEach(v -> slugs.add(v.item())));
        Map<String, String> titles = roadmap.titles(slugs);
        List<Listed> listed = found.items().stream().map(s -> new Listed(s,
                s.via().stream().map(v -> titles.getOrDefault(v.item(), v.item())).toList())).toList();
        Page<Listed> result = new Page<>(listed, found.total(), found.page(), found.size());
        List<ItemPage.Crumb> crumbs = new ArrayList<>();
        for (int i = detail.ancestors().size() - 1; i >= 0; i--) {
            String a = detail.ancestors().get(i);
            crumbs.add(new ItemPage.Crumb(a, titles.getOrDefault(a, a)));
        }
        return Templates.trace(detail, crumbs, graphs.trace(item, scope), result,
                Pager.of(found, "/roadmap/" + Links.encode(slug) + "/trace", Links.params()), catalog.names());
    }
}
