package dev.storytracker.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

import dev.storytracker.TrackerConfig;

/**
 * Refuses a request whose declared length is past its limit before a byte of it is read, with a problem document
 * rather than an empty 413: {@code tracker.api.max-body-size} everywhere, {@code tracker.imports.max-upload-size} for
 * the import uploads. Bodies without a declared length are cut off by Quarkus at
 * {@code quarkus.http.limits.max-body-size}, the ceiling of both.
 */
@ApplicationScoped
public class BodySizeGuard {

    @Inject
    TrackerConfig config;

    void install(@Observes Router router) {
        long limit = config.api().maxBodySize().asLongValue();
        long uploads = config.imports().maxUploadSize().asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = ctx.normalizedPath();
            long allowed = path.equals("/api/admin/imports") || path.equals("/admin/imports") ? uploads : limit;
            if (length != null && tooLong(length, allowed)) {
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                                + "\"detail\":\"The request body is larger than the limit of " + allowed / 1024
                                + " KiB.\"}");
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
