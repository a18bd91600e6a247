package dev.storytracker.web;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A constant answer that touches neither the database nor a template: the floor for the benchmark's throughput
 * figures (what the HTTP stack alone costs), and a cheap liveness probe for scripts.
 */
@Path("/api/ping")
@Tag(name = "Service")
public class PingResource {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A constant answer, {\"status\":\"ok\"}, computed from nothing")
    public Map<String, String> ping() {
        return PONG;
    }
}
