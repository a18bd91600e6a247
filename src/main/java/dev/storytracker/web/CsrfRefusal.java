package dev.storytracker.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Explains the CSRF refusal. Quarkus answers a form post without its token (or with a token that does not match the
 * cookie) with an empty 400; people get the error page and programs a problem document saying what to do instead.
 */
public class CsrfRefusal {

    static final String TITLE = "Form expired";
    static final String DETAIL = "The form was sent without its security token, or with one that does not match: "
            + "reload the page and send the form again.";

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !HttpMethod.POST.equals(request.getMethod())
                || !isForm(request.getMediaType())) {
            return;
        }
        Problem problem = Problem.of(400, TITLE, DETAIL);
        if (ErrorPage.wantsHtml(request.getUriInfo(), request.getAcceptableMediaTypes())) {
            response.setEntity(ErrorPage.Templates.error(problem).render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        } else {
            response.setEntity(problem, null, Problem.MEDIA);
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
