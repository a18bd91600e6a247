package dev.storytracker.web;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns each kind of failure into a problem document ({@code application/problem+json}) for the API, or an HTML page
 * for people browsing, without leaking internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String BASIC_CHALLENGE = "Basic realm=\"story-tracker\", charset=\"UTF-8\"";

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e, UriInfo uri, HttpHeaders headers) {
        return invalid(e.violations(), uri, headers);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return invalid(violations, uri, headers);
    }

    /** Named explicitly: Quarkus maps this subtype itself (with an empty body) unless the application does. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return wrongJsonShape(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response wrongJsonShape(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        String field = jsonPath(e.getPath());
        return invalid(List.of(new Problem.Violation(field.isEmpty() ? "body" : field, "has the wrong type or shape")),
                uri, headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return ErrorPage.respond(Problem.of(400, "Malformed JSON", "The request body is not valid JSON" + where + "."),
                uri, headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri, HttpHeaders headers) {
        return ErrorPage.respond(Problem.of(Response.Status.NOT_FOUND, e.getMessage()), uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenProblem e, UriInfo uri, HttpHeaders headers) {
        return ErrorPage.respond(Problem.of(Response.Status.FORBIDDEN, e.getMessage()), uri, headers);
    }

    /**
     * Not signed in, where a role is needed. Pages get the sign-in challenge of Quarkus (a redirect to /login). The API
     * takes HTTP Basic only, and Quarkus keeps Basic silent while form sign-in is enabled, so its 401 would carry no
     * {@code WWW-Authenticate} header (clients that wait for the challenge never send their credentials) and a
     * plain-text body: the API gets a Basic challenge and a problem document instead.
     */
    @ServerExceptionMapper
    public Uni<Response> notSignedIn(UnauthorizedException e, RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context).onFailure().recoverWithNull();
        return challenge.map(c -> {
            if (c == null) {
                return Problem.of(401, "Unauthorized", "Send the user name and password of a working-group account "
                        + "with HTTP Basic.").toResponseBuilder().header("WWW-Authenticate", BASIC_CHALLENGE).build();
            }
            Response.ResponseBuilder answer = Response.status(c.status);
            c.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            return answer.build();
        });
    }

    /** Signed in but without the role: a 403 (anonymous callers get the sign-in challenge instead). */
    @ServerExceptionMapper
    public Response lacksRole(io.quarkus.security.ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return ErrorPage.respond(
                Problem.of(Response.Status.FORBIDDEN, "Your account does not have the role this needs."),
                uri, headers);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return ErrorPage.respond(Problem.of(409, e.title(), e.getMessage()).withAllowed(e.allowed()), uri, headers);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentEdit(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        LOG.debugf("concurrent edit refused: %s", e.getMessage());
        return ErrorPage.respond(Problem.of(409, "Edit conflict",
                "Someone else changed this in the meantime. Reload it and apply your change again."), uri, headers);
    }

    @ServerExceptionMapper
    public Response tooManyRequests(RateLimiter.TooManyRequests e, UriInfo uri, HttpHeaders headers) {
        Problem problem = Problem.of(429, "Too Many Requests", e.getMessage());
        return ErrorPage.respond(problem.toResponseBuilder().header("Retry-After", e.retryAfterSeconds()), problem,
                uri, headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        // The JSON reader wraps Jackson's errors; answer those with the field they concern.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongJsonShape(mapping, uri, headers);
        }
        if (e.getCause() instanceof JsonProcessingException parsing) {
            return malformedJson(parsing, uri, headers);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType type = original.getStatusInfo();
        String detail = status == 404 ? "Nothing is served at this address." : type.getReasonPhrase();
        Problem problem = Problem.of(status, type.getReasonPhrase(), detail);
        Response.ResponseBuilder answer = problem.toResponseBuilder();
        // Keep headers that tell the client what to do next (Allow, Retry-After, WWW-Authenticate, Location...).
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return ErrorPage.respond(answer, problem, uri, headers);
    }

    private static Response invalid(List<Problem.Violation> violations, UriInfo uri, HttpHeaders headers) {
        String detail = violations.size() == 1
                ? "The field '" + violations.get(0).field() + "' " + violations.get(0).message() + "."
                : violations.size() + " fields are invalid; see violations.";
        return ErrorPage.respond(new Problem("about:blank", "Invalid input", 400, detail, violations), uri, headers);
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
