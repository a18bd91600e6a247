package dev.storytracker.catalog;

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

/** Pages for the cast of characters and the themes, each with its accepted stories. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogPages {

    @Inject
    CatalogQueries catalog;

    @Inject
    StoryQueries stories;

    @Inject
    Markdown markdown;

    @Inject
    TrackerConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String heading, String intro, String base, List<CatalogJson> entries);

        static native TemplateInstance entry(String kind, String base, CatalogJson entry, RawString description,
                Page<StoryJson.Summary> page, Pager pager, CatalogQueries.Names names);
    }

    @GET
    @Path("characters")
    public TemplateInstance characters() {
        return Templates.index("Characters", "Every story is told through one of these characters: who they are "
                + "shapes what hurts.", "/characters", catalog.list(CatalogQueries.Kind.CHARACTERS));
    }

    @GET
    @Path("characters/{slug}")
    public TemplateInstance character(@PathParam("slug") String slug, @QueryParam("page") String page) {
        CatalogJson entry = catalog.get(CatalogQueries.Kind.CHARACTERS, slug)
                .orElseThrow(() -> new NotFoundProblem("character", slug));
        StoryFilter filter = StoryFilter.of(null, slug, null, null, null, null, null);
        return entry("character", "/characters", entry, filter, page);
    }

    @GET
    @Path("themes")
    public TemplateInstance themes() {
        return Templates.index("Themes", "What the stories are about.", "/themes",
                catalog.list(CatalogQueries.Kind.THEMES));
    }

    @GET
    @Path("themes/{slug}")
    public TemplateInstance theme(@PathParam("slug") String slug, @QueryParam("page") String page) {
        CatalogJson entry = catalog.get(CatalogQueries.Kind.THEMES, slug)
                .orElseThrow(() -> new NotFoundProblem("theme", slug));
        StoryFilter filter = StoryFilter.of(null, null, slug, null, null, null, null);
        return entry("theme", "/themes", entry, filter, page);
    }

    private TemplateInstance entry(String kind, String base, CatalogJson entry, StoryFilter filter, String page) {
        List<Problem.Violation> violations = new ArrayList<>();
        Paging paging = InvalidInputException.collect(violations,
                () -> Paging.of(page, null, config.api().defaultPageSize(), config.api().maxPageSize()));
        InvalidInputException.throwIfAny(violations);
        Page<StoryJson.Summary> result = stories.list(filter.withState(StoryState.ACCEPTED), paging);
        return Templates.entry(kind, base, entry, markdown.render(entry.description()), result,
                Pager.of(result, base + "/" + Links.encode(entry.slug()), Links.params()), catalog.names());
    }
}
