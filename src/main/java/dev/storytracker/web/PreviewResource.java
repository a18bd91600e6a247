package dev.storytracker.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

/**
 * Renders markdown as a story page would, for the live preview of the submission forms. Answers sanitised HTML; the
 * input is bounded by the body-size limit and the renderer's own.
 */
@Path("/preview")
public class PreviewResource {

    @Inject
    Markdown markdown;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public String preview(@RestForm String markdown) {
        return this.markdown.toHtml(markdown);
    }
}
