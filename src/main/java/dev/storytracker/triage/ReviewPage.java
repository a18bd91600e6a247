package dev.storytracker.triage;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import dev.storytracker.account.User;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.roadmap.LinkForm;
import dev.storytracker.roadmap.LinkForms;
import dev.storytracker.roadmap.LinkService;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryJson;
import dev.storytracker.story.StoryQueries;
import dev.storytracker.story.StoryState;
import dev.storytracker.web.ConflictException;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Markdown;
import dev.storytracker.web.NotFoundProblem;

/**
 * The review page of one story: the story as it will be published, its history and comments, the transitions open
 * from its state (one click each, with a note), its assignee, and likely duplicates to mark in one click.
 */
@Path("/stories/{slug}/review")
@RolesAllowed({"triager", "planner", "admin"})
public class ReviewPage {

    @Inject
    StoryQueries stories;

    @Inject
    TriageService triage;

    @Inject
    TriageQueue queue;

    @Inject
    DuplicateHints hints;

    @Inject
    CatalogQueries catalog;

    @Inject
    Markdown markdown;

    @Inject
    SecurityIdentity identity;

    @Inject
    LinkForms linkForms;

    @Inject
    LinkService links;

    /** A history entry with its comment rendered. */
    public record Entry(TriageJson.HistoryEntry entry, RawString body) {
    }

    /** What went wrong with the last action, and what the reviewer had typed. */
    public record Failure(String message, String note, List<String> allowed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(StoryJson.Detail story, RawString body, String assignee,
                List<String> next, List<Entry> history, List<DuplicateHints.Hint> similar,
                List<TriageQueue.Assignable> assignable, CatalogQueries.Names names, boolean canTriage,
                String done, Failure failure, LinkForms.Editor linkEditor);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response review(@PathParam("slug") String slug, @QueryParam("done") String done) {
        return page(slug, done, null, 200);
    }

    private Response page(String slug, String done, Failure failure, int status) {
        return page(slug, done, failure, null, status);
    }

    /** {@code linkForm} is a refused link form to show again as typed (planners only), or null. */
    private Response page(String slug, String done, Failure failure, LinkForm linkForm, int status) {
        Story story = Story.findBySlug(slug).orElseThrow(() -> new NotFoundProblem("story", slug));
        StoryJson.Detail detail = stories.detail(story);
        List<String> next = Workflow.nextStates(story.state).stream().filter(s -> s != StoryState.DUPLICATE)
                .map(StoryState::slug).toList();
        List<Entry> history = triage.history(slug).stream()
                .map(e -> new Entry(e, e.body() == null ? null : markdown.render(e.body()))).toList();
        TemplateInstance page = Templates.review(detail, markdown.render(detail.body()),
                story.assignee == null ? null : story.assignee.username, next, history, hints.similar(story, 5),
                queue.assignable(), catalog.names(), identity.hasRole("triager"), done, failure,
                identity.hasRole(User.PLANNER) || identity.hasRole(User.ADMIN)
                        ? linkForms.editor(linkForm == null ? LinkForm.NONE : linkForm)
                        : null);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    @POST
    @Path("transition")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"triager", "admin"})
    public Response transition(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String note = form.getFirst("note");
        try {
            triage.transition(slug, new TransitionInput(form.getFirst("to"), note, blankToNull(form.getFirst(
                    "duplicateOf")), version(form)), identity.getPrincipal().getName());
            return done(slug, "moved");
        } catch (ConflictException e) {
            return page(slug, null, new Failure(e.getMessage(), note, e.allowed()), 409);
        } catch (InvalidInputException e) {
            return page(slug, null, new Failure(message(e), note, List.of()), 400);
        }
    }

    @POST
    @Path("assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({"triager", "admin"})
    public Response assign(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        try {
            triage.assign(slug, new TriageJson.AssignInput(blankToNull(form.getFirst("assignee")), version(form)));
            return done(slug, "assigned");
        } catch (ConflictException e) {
            return page(slug, null, new Failure(e.getMessage(), null, List.of()), 409);
        } catch (InvalidInputException e) {
            return page(slug, null, new Failure(message(e), null, List.of()), 400);
        }
    }

    @POST
    @Path("comment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response comment(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String body = form.getFirst("body");
        if (body == null || body.isBlank() || body.length() > Comment.MAX_BODY) {
            return page(slug, null, new Failure("A comment needs some text (at most " + Comment.MAX_BODY
                    + " characters).", body, List.of()), 400);
        }
        triage.comment(slug, new TriageJson.CommentInput(body, "on".equals(form.getFirst("toWriter"))),
                identity.getPrincipal().getName());
        return done(slug, "commented");
    }

    /** Links the story to a roadmap item, or changes the link's relation or note (planners). */
    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({User.PLANNER, User.ADMIN})
    public Response link(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String mode = form.getFirst("mode");
        LinkForm failed = linkForms.save(mode, slug, form.getFirst("item"), form.getFirst("relation"),
                form.getFirst("note"), identity.getPrincipal().getName());
        if (failed != null) {
            return page(slug, null, null, failed, failed.status());
        }
        return done(slug, "edit".equals(mode) ? "link-saved" : "linked");
    }

    /** Removes the link between the story and a roadmap item (planners). */
    @POST
    @Path("links/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({User.PLANNER, User.ADMIN})
    public Response unlink(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String item = form.getFirst("item");
        if (item == null || item.isBlank()) {
            throw new NotFoundProblem("roadmap item", "");
        }
        links.delete(slug, item.strip());
        return done(slug, "unlinked");
    }

    private static Response done(String slug, String what) {
        return Response.seeOther(URI.create("/stories/" + slug + "/review?done=" + what)).build();
    }

    private static Integer version(MultivaluedMap<String, String> form) {
        try {
            return Integer.valueOf(form.getFirst("version"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String message(InvalidInputException e) {
        return e.violations().stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("Invalid input");
    }
}
