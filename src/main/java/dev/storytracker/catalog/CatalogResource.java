package dev.storytracker.catalog;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.storytracker.web.NotFoundProblem;

/** The catalogue: characters, themes and sample projects, each with its number of accepted stories. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CatalogResource {

    @Inject
    CatalogQueries queries;

    @GET
    @Path("characters")
    public List<CatalogJson> characters() {
        return queries.list(CatalogQueries.Kind.CHARACTERS);
    }

    @GET
    @Path("characters/{slug}")
    public CatalogJson character(@PathParam("slug") String slug) {
        return queries.get(CatalogQueries.Kind.CHARACTERS, slug)
                .orElseThrow(() -> new NotFoundProblem("character", slug));
    }

    @GET
    @Path("themes")
    public List<CatalogJson> themes() {
        return queries.list(CatalogQueries.Kind.THEMES);
    }

    @GET
    @Path("themes/{slug}")
    public CatalogJson theme(@PathParam("slug") String slug) {
        return queries.get(CatalogQueries.Kind.THEMES, slug).orElseThrow(() -> new NotFoundProblem("theme", slug));
    }

    @GET
    @Path("projects")
    public List<CatalogJson> projects() {
        return queries.list(CatalogQueries.Kind.PROJECTS);
    }

    @GET
    @Path("projects/{slug}")
    public CatalogJson project(@PathParam("slug") String slug) {
        return queries.get(CatalogQueries.Kind.PROJECTS, slug).orElseThrow(() -> new NotFoundProblem("project", slug));
    }
}
