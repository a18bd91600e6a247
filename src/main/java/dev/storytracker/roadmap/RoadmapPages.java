package dev.storytracker.roadmap;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.storytracker.TrackerConfig;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.story.StoryFilter;
import dev.storytracker.story.StoryJson;
import dev.storytracker.story.StoryQueries;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Links;
import dev.storytracker.web.Markdown;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Page;
import dev.storytracker.web.Pager;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;

/** The roadmap overview (goals with their initiatives and milestones) and each item's page with its stories. */
@Path("/roadmap")
@Produces(MediaType.TEXT_HTML)
public class RoadmapPages {

    @Inject
    RoadmapQueries roadmap;

    @Inject
    StoryQueries stories;

    @Inject
    CatalogQueries catalog;

    @Inject
    Markdown markdown;

    @Inject
    TrackerConfig config;

    /** One row of the overview table: an item and how deep it sits. */
    public record Row(RoadmapJson.Node item, int depth) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<Row> rows);

        static native TemplateInstance item(RoadmapJson.Detail item, RawString impact, Page<StoryJson.Summary> page,
                Pager pager, CatalogQueries.Names names);
    }

    @GET
    public TemplateInstance overview() {
        List<Row> rows = new ArrayList<>();
        flatten(roadmap.tree(), 0, rows);
        return Templates.overview(rows);
    }

    private static void flatten(List<RoadmapJson.Node> nodes, int depth, List<Row> into) {
        for (RoadmapJson.Node node : nodes) {
            into.add(new Row(node, depth));
            flatten(node.children(), depth + 1, into);
        }
    }

    @GET
    @Path("{slug}")
    public TemplateInstance item(@PathParam("slug") String slug, @QueryParam("page") String page) {
        RoadmapJson.Detail item = roadmap.detail(slug).orElseThrow(() -> new NotFoundProblem("roadmap item", slug));
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = InvalidInputException.collect(violations,
                () -> Paging.of(page, null, config.api().defaultPageSize(), config.api().maxPageSize()));
        InvalidInputException.throwIfAny(violations);
        StoryFilter filter = StoryFilter.of(null, null, null, null, null, slug, null).withState(StoryState.ACCEPTED);
        Page<StoryJson.Summary> result = stories.list(filter, paging);
        return Templates.item(item, markdown.render(item.impact()), result,
                Pager.of(result, "/roadmap/" + Links.encode(slug), Links.params()), catalog.names());
    }
}
