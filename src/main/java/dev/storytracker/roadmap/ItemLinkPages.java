package dev.storytracker.roadmap;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.Slugs;
import dev.storytracker.account.User;
import dev.storytracker.web.Links;
import dev.storytracker.web.NotFoundProblem;

/**
 * The link forms of a roadmap item's page: planners link a story to the item, change a link's relation or note, or
 * remove it. Post/Redirect/Get; a refused link shows the page again with the message and what was typed.
 */
@Path("/roadmap/{slug}/links")
@RolesAllowed({User.PLANNER, User.ADMIN})
public class ItemLinkPages {

    @Inject
    LinkForms forms;

    @Inject
    LinkService links;

    @Inject
    ItemPage page;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        RoadmapItem.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("roadmap item", slug));
        String mode = form.getFirst("mode");
        LinkForm failed = forms.save(mode, form.getFirst("story"), slug, form.getFirst("relation"),
                form.getFirst("note"), identity.getPrincipal().getName());
        if (failed != null) {
            return page.render(slug, null, null, null, null, failed);
        }
        return done(slug, "edit".equals(mode) ? "saved" : "linked");
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response remove(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String story = form.getFirst("story");
        if (!Slugs.isValid(story)) {
            throw new NotFoundProblem("story", String.valueOf(story));
        }
        links.delete(story, slug);
        return done(slug, "removed");
    }

    private static Response done(String slug, String what) {
        return Response.seeOther(URI.create("/roadmap/" + Links.encode(slug) + "?done=" + what + "#links")).build();
    }
}
