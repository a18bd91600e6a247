package dev.storytracker.story;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

import dev.storytracker.catalog.CatalogJson;
import dev.storytracker.catalog.CatalogQueries;
import dev.storytracker.web.Markdown;

/** Renders the story form (new or edit) with the catalogue to choose from, shared by submission and edit pages. */
@ApplicationScoped
public class StoryFormView {

    /** The most status-quo stories offered as a list to retell; others can be named by slug. */
    static final int MAX_RETELLABLE = 1000;

    @Inject
    CatalogQueries catalog;

    @Inject
    StoryQueries queries;

    @Inject
    Markdown markdown;

    /** A writer-facing request from the working group, shown on the edit page. */
    public record Request(String author, String when, RawString text) {
    }

    /** Everything the form template shows. */
    public record View(StoryForm form, String mode, String action, String slug, String token,
            List<CatalogJson> characters, List<CatalogJson> themes, List<CatalogJson> projects,
            List<StoryPages.StoryRef> retellable, List<FormQuestions.Question> questions, RawString preview,
            String notice, List<Request> requests) {

        public String title() {
            return switch (form.kind) {
                case "shiny-future" -> "Tell a shiny future story";
                case "idea" -> "Suggest an idea for a story";
                default -> "Tell a status quo story";
            };
        }

        public boolean isEdit() {
            return "edit".equals(mode);
        }
    }

    @CheckedTemplate(basePath = "StoryForm")
    static class Templates {
        static native TemplateInstance form(View view);

        static native TemplateInstance submitted(String slug, String title, String kind, String editLink);

        static native TemplateInstance closed(StoryJson.Detail story);
    }

    public Response newForm(StoryForm form, int status, boolean preview) {
        return render(form, "new", "/stories", null, null, status, preview, null, List.of());
    }

    public Response editForm(StoryForm form, String slug, String token, int status, boolean preview, String notice,
            List<Request> requests) {
        return render(form, "edit", "/stories/" + slug + "/edit", slug, token, status, preview, notice, requests);
    }

    private Response render(StoryForm form, String mode, String action, String slug, String token, int status,
            boolean preview, String notice, List<Request> requests) {
        List<StoryPages.StoryRef> retellable = "shiny-future".equals(form.kind)
                ? queries.retellable(MAX_RETELLABLE).stream()
                        .map(r -> new StoryPages.StoryRef((String) r[0], (String) r[1])).toList()
                : List.of();
        RawString rendered = preview ? markdown.render("idea".equals(form.kind) ? form.value("summary")
                : form.value("body")) : null;
        View view = new View(form, mode, action, slug, token, catalog.list(CatalogQueries.Kind.CHARACTERS),
                catalog.list(CatalogQueries.Kind.THEMES), catalog.list(CatalogQueries.Kind.PROJECTS), retellable,
                "idea".equals(form.kind) ? List.of() : FormQuestions.forKind(form.kind), rendered, notice, requests);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(Templates.form(view)).build();
    }

    public TemplateInstance submitted(String slug, String title, String kind, String editLink) {
        return Templates.submitted(slug, title, kind, editLink);
    }

    public TemplateInstance closed(StoryJson.Detail story) {
        return Templates.closed(story);
    }
}
