package dev.storytracker.web;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Decides how an error is shown: a problem document for the API and for programs, an HTML page for people browsing
 * the site.
 */
public final class ErrorPage {

    private ErrorPage() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Problem problem);
    }

    public static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        return respond(problem.toResponseBuilder(), problem, uri, headers);
    }

    /** {@code builder} carries the problem as JSON plus any headers; it is switched to HTML for browsers. */
    public static Response respond(Response.ResponseBuilder builder, Problem problem, UriInfo uri,
            HttpHeaders headers) {
        if (wantsHtml(uri, headers)) {
            return builder.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.error(problem).render()).build();
        }
        return builder.build();
    }

    static boolean wantsHtml(UriInfo uri, HttpHeaders headers) {
        return headers != null && wantsHtml(uri, headers.getAcceptableMediaTypes());
    }

    static boolean wantsHtml(UriInfo uri, List<MediaType> accepted) {
        if (uri == null || accepted == null) {
            return false;
        }
        String path = uri.getPath();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/")) {
            return false;
        }
        return accepted.stream().anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("html"));
    }
}
