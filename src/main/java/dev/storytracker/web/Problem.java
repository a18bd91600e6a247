package dev.storytracker.web;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document: what every API error looks like. {@code violations} names each bad field of a request;
 * {@code allowed} lists the choices that were open when a request asked for another.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations,
        List<String> allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** One bad field of a request and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public Problem(String type, String title, int status, String detail, List<Violation> violations) {
        this(type, title, status, detail, violations, List.of());
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    /** The same problem listing what would have been allowed, e.g. the transitions open from a story's state. */
    public Problem withAllowed(List<String> values) {
        return new Problem(type, title, status, detail, violations, List.copyOf(values));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA).entity(this);
    }
}
