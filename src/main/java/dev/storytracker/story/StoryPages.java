package dev.storytracker.story;

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
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.TrackerConfig;
import dev.storytracker.account.Roles;
import dev.storytracker.catalog.CatalogJson;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Links;
import dev.storytracker.web.Markdown;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Page;
import dev.storytracker.web.Pager;
import dev.storytracker.web.Paging;
import dev.storytracker.web.Problem;

/** The public story pages: the filtered list and one story, rendered from markdown. */
@Path("/stories")
@Produces(MediaType.TEXT_HTML)
public class StoryPages {

    @Inject
    StoryQueries queries;

    @Inject
    CatalogQueries catalog;

    @Inject
    Markdown markdown;

    @Inject
    SecurityIdentity identity;

    @Inject
    TrackerConfig config;

    /** The list filters as the reader set them, to refill the filter form and keep them across pages. */
    public record Filters(String kind, String character, String theme, String project, String state, String q) {

        /** The states the working group may list besides accepted. */
        public List<String> otherStates() {
            return java.util.Arrays.stream(StoryState.values()).filter(s -> s != StoryState.ACCEPTED)
                    .map(StoryState::slug).toList();
        }

        Map<String, String> asParams() {
            return Links.params("kind", kind, "character", character, "theme", theme, "project", project, "state",
                    state, "q", q);
        }
    }

    /** A FAQ entry with its answer rendered. */
    public record FaqView(String question, RawString answer) {
    }

    /** A story mentioned on another story's page, with its title when the reader may see it. */
    public record StoryRef(String slug, String title) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page<StoryJson.Summary> page, Pager pager, Filters filters,
                List<CatalogJson> characters, List<CatalogJson> themes, List<CatalogJson> projects,
                CatalogQueries.Names names, boolean workingGroup);

        static native TemplateInstance view(StoryJson.Detail story, RawString body, List<FaqView> faq,
                CatalogQueries.Names names, List<StoryRef> retells, List<StoryRef> retoldBy, List<StoryRef> chapters,
                StoryRef series);
    }

    @GET
    public TemplateInstance list(@QueryParam("kind") String kind, @QueryParam("character") String character,
            @QueryParam("theme") String theme, @QueryParam("project") String project,
            @QueryParam("state") String state, @QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<Problem.Violation> violations = new ArrayList<>();
        StoryFilter filter = InvalidInputException.collect(violations,
                () -> StoryFilter.of(kind, character, theme, project, state, null, q));
        Paging paging = InvalidInputException.collect(violations,
                () -> Paging.of(page, size, config.api().defaultPageSize(), config.api().maxPageSize()));
        InvalidInputException.throwIfAny(violations);
        boolean workingGroup = Roles.isWorkingGroup(identity);
        if (!workingGroup || filter.state().isEmpty()) {
            // The public list holds accepted stories; the working group finds the others by state or on the dashboard.
            filter = filter.withState(StoryState.ACCEPTED);
        }
        Filters filters = new Filters(kind, character, theme, project, workingGroup ? state : null, q);
        Page<StoryJson.Summary> result = queries.list(filter, paging);
        return Templates.list(result, Pager.of(result, "/stories", filters.asParams()), filters,
                catalog.list(CatalogQueries.Kind.CHARACTERS), catalog.list(CatalogQueries.Kind.THEMES),
                catalog.list(CatalogQueries.Kind.PROJECTS), catalog.names(), workingGroup);
    }

    @GET
    @Path("{slug}")
    public TemplateInstance view(@PathParam("slug") String slug) {
        StoryJson.Detail detail = queries.find(slug).map(StoryQueries.Found::detail)
                .orElseThrow(() -> new NotFoundProblem("story", slug));
        boolean workingGroup = Roles.isWorkingGroup(identity);
        if (detail.state() != StoryState.ACCEPTED && !workingGroup) {
            throw new NotFoundProblem("story", slug);
        }
        List<FaqView> faq = detail.faq().stream()
                .map(f -> new FaqView(f.question(), markdown.render(f.answer()))).toList();
        Set<String> mentioned = new HashSet<>(detail.retells());
        mentioned.addAll(detail.retoldBy());
        mentioned.addAll(detail.chapters());
        if (detail.series() != null) {
            mentioned.add(detail.series());
        }
        Map<String, String> titles = queries.titles(mentioned, workingGroup);
        return Templates.view(detail, markdown.render(detail.body()), faq, catalog.names(),
                refs(detail.retells(), titles), refs(detail.retoldBy(), titles), refs(detail.chapters(), titles),
                detail.series() == null ? null : refs(List.of(detail.series()), titles).stream().findFirst()
                        .orElse(null));
    }

    /** Only the stories the reader may see; the others are left out rather than shown without a title. */
    private static List<StoryRef> refs(List<String> slugs, Map<String, String> titles) {
        return slugs.stream().filter(titles::containsKey).map(s -> new StoryRef(s, titles.get(s))).toList();
    }
}
