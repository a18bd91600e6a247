package dev.storytracker.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.storytracker.TrackerConfig;

/**
 * Bounds every request before a byte of its body is read, with a problem document rather than an empty error: a
 * declared length past {@code tracker.api.max-body-size} ({@code tracker.imports.max-upload-size} for the import
 * uploads) is refused with 413; a query string longer than {@code tracker.api.max-query-length} with 414, one with
 * more than {@code tracker.api.max-query-parameters} parameters with 400. A body sent without a declared length
 * (chunked) is counted as it is read and cut off at the same limit; a form must declare its length (411), and a form
 * with more fields than {@code quarkus.http.limits.max-parameters} is refused with 400.
 */
@ApplicationScoped
public class BodySizeGuard {

    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "Referrer-Policy", "Content-Security-Policy");

    /** The configured security headers: this guard answers before the handler that adds them, so it adds them. */
    private final Map<String, String> securityHeaders = new LinkedHashMap<>();

    /** The context key Quarkus REST reads to stop a body without a declared length; Quarkus sets its own ceiling. */
    static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";
    /** Just after Quarkus's own limit handler (order -2), which would put back the global ceiling. */
    private static final int AFTER_QUARKUS_LIMIT = -1;

    @Inject
    TrackerConfig config;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-parameters", defaultValue = "1000")
    int maxFormFields;

    void install(@Observes Router router) {
        long limit = config.api().maxBodySize().asLongValue();
        long uploads = config.imports().maxUploadSize().asLongValue();
        for (String name : SECURITY_HEADERS) {
            ConfigProvider.getConfig().getOptionalValue("quarkus.http.header.\"" + name + "\".value", String.class)
                    .ifPresent(value -> securityHeaders.put(name, value));
        }
        int maxQuery = config.api().maxQueryLength();
        int maxParameters = config.api().maxQueryParameters();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String query = ctx.request().query();
            if (query != null && query.length() > maxQuery) {
                refuse(ctx, Problem.of(414, "URI Too Long",
                        "The query string is longer than the limit of " + maxQuery + " characters."));
                return;
            }
            if (query != null && parameters(query) > maxParameters) {
                refuse(ctx, new Problem("about:blank", "Invalid input", 400,
                        "The request has more than " + maxParameters + " query parameters.",
                        List.of(new Problem.Violation("query",
                                "must have at most " + maxParameters + " parameters"))));
                return;
            }
            long allowed = allowed(ctx, limit, uploads);
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length, allowed)) {
                refuse(ctx, Problem.of(413, "Payload Too Large",
                        "The request body is larger than the limit of " + allowed / 1024 + " KiB."));
                return;
            }
            ctx.next();
        });
        router.route().order(AFTER_QUARKUS_LIMIT).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            long allowed = allowed(ctx, limit, uploads);
            if (request.getHeader(HttpHeaders.CONTENT_LENGTH) != null
                    || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
                ctx.next();
            } else if (isUpload(ctx)) {
                // Uploads are streamed to a file; Quarkus REST counts them against this and answers a bare 413.
                ctx.put(MAX_REQUEST_SIZE, allowed);
                ctx.next();
            } else if (isForm(request)) {
                refuse(ctx, Problem.of(411, "Length Required",
                        "Send a form with a Content-Length header; forms are at most " + allowed / 1024 + " KiB."));
            } else {
                readCounting(ctx, allowed);
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            // Quarkus REST's form parser stops at quarkus.http.limits.max-parameters with a bare RuntimeException.
            if (ctx.failure() != null && ctx.failure().getMessage() != null
                    && ctx.failure().getMessage().startsWith("Param limit of") && !ctx.response().ended()) {
                refuse(ctx, new Problem("about:blank", "Invalid input", 400, "The form has too many fields.",
                        List.of(new Problem.Violation("form", "has more fields than the " + maxFormFields
                                + " allowed"))));
                return;
            }
            ctx.next();
        });
    }

    /**
     * Reads a body without a declared length into memory, counting, and refuses it at the limit; the body read is
     * handed to Quarkus REST by {@link ReadBodyFilter}.
     */
    private void readCounting(RoutingContext ctx, long allowed) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (ctx.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > allowed) {
                refuse(ctx, Problem.of(413, "Payload Too Large",
                        "The request body is larger than the limit of " + allowed / 1024 + " KiB."));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!ctx.response().ended()) {
                ctx.put(ReadBodyFilter.BODY, body);
                ctx.next();
            }
        });
        request.resume();
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }

    private static long allowed(RoutingContext ctx, long limit, long uploads) {
        return isUpload(ctx) ? uploads : limit;
    }

    private static boolean isUpload(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path.equals("/api/admin/imports") || path.equals("/admin/imports");
    }

    private void refuse(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always serialisable", e);
        }
        securityHeaders.forEach(ctx.response()::putHeader);
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private static int parameters(String query) {
        int count = query.isEmpty() ? 0 : 1;
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '&') {
                count++;
            }
        }
        return count;
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
