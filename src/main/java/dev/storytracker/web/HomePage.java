package dev.storytracker.web;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storytracker.catalog.CatalogJson;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.story.StoryFilter;
import dev.storytracker.story.StoryJson;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryQueries;
import dev.storytracker.story.StoryState;

/** The start page: what this is, how much there is, the newest accepted stories, and a call to write one. */
@Path("/")
public class HomePage {

    static final int NEWEST = 6;

    @Inject
    StoryQueries stories;

    @Inject
    CatalogQueries catalog;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(long statusQuo, long shinyFuture, List<CatalogJson> characters,
                int themes, List<StoryJson.Summary> newest, CatalogQueries.Names names);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        Map<StoryKind, Long> perKind = stories.acceptedPerKind();
        Page<StoryJson.Summary> newest = stories.list(StoryFilter.none().withState(StoryState.ACCEPTED),
                new Paging(1, NEWEST));
        return Templates.home(perKind.getOrDefault(StoryKind.STATUS_QUO, 0L),
                perKind.getOrDefault(StoryKind.SHINY_FUTURE, 0L), catalog.list(CatalogQueries.Kind.CHARACTERS),
                catalog.list(CatalogQueries.Kind.THEMES).size(), newest.items(), catalog.names());
    }
}
