package dev.storytracker.story;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

import dev.storytracker.catalog.StoryCharacter;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.RateLimiter;
import dev.storytracker.web.Violations;

/**
 * The submission forms: one per kind of story and one for ideas. Post/Redirect/Get: a valid submission redirects to a
 * confirmation page that shows the private edit link once; a refused one is shown again with every value as typed.
 */
@Path("/stories")
public class SubmissionPages {

    static final String EDIT_COOKIE = "tracker-edit";

    @Inject
    StoryFormView view;

    @Inject
    StoryService service;

    @Inject
    Validator validator;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public Response newStory(@QueryParam("kind") String kind) {
        return view.newForm(StoryForm.empty(kind), 200, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(MultivaluedMap<String, String> fields, @Context HttpServerRequest request) {
        StoryForm form = StoryForm.of(fields.getFirst("kind"), fields);
        if (!form.value("website").isBlank()) {
            // The honeypot field is hidden from people; only robots fill it in.
            throw InvalidInputException.of("website", "must be left empty");
        }
        if ("preview".equals(form.value("action"))) {
            return view.newForm(form, 200, true);
        }
        rateLimiter.acquire(request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        String actor = identity.isAnonymous() ? "writer" : identity.getPrincipal().getName();
        StoryJson.Created created;
        try {
            created = "idea".equals(form.kind) ? createIdea(form, actor) : createStory(form, actor);
        } catch (InvalidInputException e) {
            form.addViolations(e.violations());
            created = null;
        }
        if (created == null) {
            return view.newForm(form, 400, false);
        }
        String slug = created.story().slug();
        NewCookie token = new NewCookie.Builder(EDIT_COOKIE).value(created.editToken())
                .path("/stories/" + slug + "/submitted").httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .maxAge(600).build();
        return Response.seeOther(URI.create("/stories/" + slug + "/submitted")).cookie(token).build();
    }

    private StoryJson.Created createStory(StoryForm form, String actor) {
        // In a transaction of its own: a read outside one would keep its connection for the whole request, and the
        // insert below takes a second one; under a burst of submissions the pool then runs dry and every request waits.
        String characterName = QuarkusTransaction.requiringNew()
                .call(() -> StoryCharacter.findBySlug(form.value("character")).map(c -> c.name).orElse(""));
        StoryInput input = form.toInput(characterName);
        form.addViolations(Violations.of(validator.validate(input)));
        if (form.hasErrors()) {
            return null;
        }
        return service.create(input, StorySource.FORM, actor);
    }

    private StoryJson.Created createIdea(StoryForm form, String actor) {
        IdeaInput idea = new IdeaInput(form.value("title"), form.value("summary"), form.values("candidates"),
                form.value("morals"), form.authorLines());
        form.addViolations(Violations.of(validator.validate(idea)));
        if (form.hasErrors()) {
            return null;
        }
        return service.createIdea(idea, StorySource.FORM, actor);
    }

    /** Shows the edit link once: it travels from the submission in a short-lived cookie that is cleared here. */
    @GET
    @Path("{slug}/submitted")
    @Produces(MediaType.TEXT_HTML)
    public Response submitted(@PathParam("slug") String slug, @CookieParam(EDIT_COOKIE) String token,
            @Context UriInfo uri) {
        Story story = Story.findBySlug(slug).orElse(null);
        boolean valid = story != null && EditTokens.matches(token, story.editTokenHash);
        String link = valid ? uri.getBaseUriBuilder().path("stories").path(slug).path("edit")
                .queryParam("token", token).build().toString() : null;
        NewCookie clear = new NewCookie.Builder(EDIT_COOKIE).value("").path("/stories/" + slug + "/submitted")
                .maxAge(0).httpOnly(true).build();
        String kind = story == null ? "status-quo" : story.state == StoryState.IDEA ? "idea" : story.kind.slug();
        return Response.ok(view.submitted(slug, story == null ? slug : story.title, kind, link))
                .header("Cache-Control", "no-store").cookie(clear).build();
    }

}
