package dev.storytracker.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpHeaders;
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
 * (chunked) is counted as it is read and cut off at the same limit.
 */
@ApplicationScoped
public class BodySizeGuard {

    /** The context key Quarkus REST reads to stop a body without a declared length; Quarkus sets its own ceiling. */
    static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";
    /** Just after Quarkus's own limit handler (order -2), which would put back the global ceiling. */
    private static final int AFTER_QUARKUS_LIMIT = -1;

    @Inject
    TrackerConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long limit = config.api().maxBodySize().asLongValue();
        long uploads = config.imports().maxUploadSize().asLongValue();
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
                        java.util.List.of(new Problem.Violation("query",
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
            if (ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                ctx.put(MAX_REQUEST_SIZE, allowed(ctx, limit, uploads));
            }
            ctx.next();
        });
    }

    private static long allowed(RoutingContext ctx, long limit, long uploads) {
        String path = ctx.normalizedPath();
        return path.equals("/api/admin/imports") || path.equals("/admin/imports") ? uploads : limit;
    }

    private void refuse(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always serialisable", e);
        }
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
