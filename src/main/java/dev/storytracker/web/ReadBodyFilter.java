package dev.storytracker.web;

import java.io.ByteArrayInputStream;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Hands Quarkus REST a body that {@link BodySizeGuard} already read and counted (one sent without a declared length):
 * the request has ended, so Quarkus REST would otherwise see no body at all.
 */
public class ReadBodyFilter {

    static final String BODY = "dev.storytracker.counted-body";

    @ServerRequestFilter(preMatching = true)
    public void useCountedBody(ContainerRequestContext request, RoutingContext context) {
        Buffer body = context.get(BODY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
