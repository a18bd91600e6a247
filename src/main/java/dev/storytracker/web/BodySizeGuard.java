package dev.storytracker.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

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

    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options",
            "Referrer-Policy", "Content-Security-Policy");

    @Inject
    TrackerConfig config;

    void install(@Observes Router router) {
        long limit = config.api().maxBodySize().asLongValue();
        long uploads = config.imports().maxUploadSize().asLongValue();
        // This handler answers before the one that adds the configured security headers, so it adds them itself.
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : SECURITY_HEADERS) {
            ConfigProvider.getConfig().getOptionalValue("quarkus.http.header.\"" + name + "\".value", String.class)
                    .ifPresent(value -> headers.put(name, value));
        }
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = ctx.normalizedPath();
            long allowed = path.equals("/api/admin/imports") || path.equals("/admin/imports") ? uploads : limit;
            if (length != null && tooLong(length, allowed)) {
                headers.forEach(ctx.response()::putHeader);
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
