package dev.storytracker.story;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import dev.storytracker.catalog.StoryCharacter;
import dev.storytracker.web.ConflictException;
import dev.storytracker.web.ForbiddenProblem;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Links;
import dev.storytracker.web.NotFoundProblem;
import dev.storytracker.web.Violations;

/**
 * The writer's private edit page, reached through the link with the edit token. It revises the story until the
 * working group closes it, then says why it no longer edits. A revision from a stale version is refused with every
 * typed value kept.
 */
@Path("/stories/{slug}/edit")
public class EditPages {

    @Inject
    StoryFormView view;

    @Inject
    StoryService service;

    @Inject
    StoryQueries queries;

    @Inject
    WriterRequests requests;

    @Inject
    Validator validator;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response edit(@PathParam("slug") String slug, @QueryParam("token") String token,
            @QueryParam("saved") String saved) {
        Story story = authorised(slug, token);
        StoryJson.Detail detail = queries.detail(story);
        if (!story.state.editableByWriter()) {
            return Response.ok(view.closed(detail)).header("Cache-Control", "no-store").build();
        }
        StoryForm form = StoryForm.of(detail);
        String notice = saved != null ? "Saved. The working group sees your changes." : null;
        return view.editForm(form, slug, token, 200, false, notice, requests.forWriter(story));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        String token = fields.getFirst("token");
        Story story = authorised(slug, token);
        String kind = story.kind.slug();
        StoryForm form = StoryForm.of(kind, fields);
        List<StoryFormView.Request> shown = requests.forWriter(story);
        if ("preview".equals(form.value("action"))) {
            return view.editForm(form, slug, token, 200, true, null, shown);
        }
        String characterName = StoryCharacter.findBySlug(form.value("character")).map(c -> c.name).orElse("");
        StoryInput input = form.toInput(characterName);
        form.addViolations(Violations.of(validator.validate(input)));
        if (!form.hasErrors()) {
            try {
                service.revise(slug, token, input);
                return Response.seeOther(URI.create(Links.of("/stories/" + slug + "/edit",
                        Links.params("token", token, "saved", "1")))).build();
            } catch (InvalidInputException e) {
                form.addViolations(e.violations());
            } catch (ConflictException e) {
                form.addError("version", e.getMessage());
                return view.editForm(form, slug, token, 409, false, null, shown);
            }
        }
        return view.editForm(form, slug, token, 400, false, null, shown);
    }

    private static Story authorised(String slug, String token) {
        Story story = Story.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
        if (!EditTokens.matches(token, story.editTokenHash)) {
            throw new ForbiddenProblem("This edit link is not valid for this story. Check that you copied all of it.");
        }
        return story;
    }
}
