package dev.storytracker.publish;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.storytracker.TrackerConfig;

/** An Atom feed so that people can follow the collection without visiting it: acceptances and roadmap moves. */
@Path("/feed.xml")
@Tag(name = "Publishing")
public class FeedResource {

    public static final String ATOM_TYPE = "application/atom+xml";

    @Inject
    FeedQueries queries;

    @Inject
    TrackerConfig config;

    @GET
    @Produces(ATOM_TYPE)
    @Operation(summary = "Atom feed of newly accepted stories and roadmap state changes", description = "The newest "
            + "entries first, at most tracker.feed.entries of them.")
    public String feed(@Context UriInfo uri) {
        return AtomWriter.write(queries.newest(Math.max(1, config.feed().entries())), uri.getBaseUri());
    }
}
