package dev.storytracker.web;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns each kind of failure into an {@code application/problem+json} answer without leaking internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return invalid(e.violations());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return invalid(violations);
    }

    /** Named explicitly: Quarkus maps this subtype itself (with an empty body) unless the application does. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return wrongJsonShape(e);
    }

    @ServerExceptionMapper
    public Response wrongJsonShape(JsonMappingException e) {
        String field = jsonPath(e.getPath());
        String message = "has the wrong type or shape";
        return invalid(List.of(new Problem.Violation(field.isEmpty() ? "body" : field, message)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.of(400, "Malformed JSON", "The request body is not valid JSON" + where + ".").toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenProblem e) {
        return Problem.of(Response.Status.FORBIDDEN, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(409, e.title(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentEdit(RuntimeException e) {
        LOG.debugf("concurrent edit refused: %s", e.getMessage());
        return Problem.of(409, "Edit conflict",
                "Someone else changed this in the meantime. Reload it and apply your change again.").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader wraps Jackson's errors; answer those with the field they concern.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongJsonShape(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return malformedJson(parsing);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType type = original.getStatusInfo();
        String detail = status == 404 ? "Nothing is served at this address." : type.getReasonPhrase();
        Response.ResponseBuilder answer = Problem.of(status, type.getReasonPhrase(), detail).toResponseBuilder();
        // Keep headers that tell the client what to do next (Allow, Retry-After, WWW-Authenticate, ...).
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    private static Response invalid(List<Problem.Violation> violations) {
        String detail = violations.size() == 1
                ? "The field '" + violations.get(0).field() + "' " + violations.get(0).message() + "."
                : violations.size() + " fields are invalid; see violations.";
        return new Problem("about:blank", "Invalid input", 400, detail, violations).toResponse();
    }

    /** "faq[2].answer" rather than "create.input.faq[2].answer": the name the client sent. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                name.append('[').append(node.getIndex() == null ? "" : node.getIndex()).append(']');
            }
            if (kind == ElementKind.PROPERTY) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        if (name.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return name.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
            }
        }
        return name.toString();
    }
}
