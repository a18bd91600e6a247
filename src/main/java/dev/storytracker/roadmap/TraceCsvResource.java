package dev.storytracker.roadmap;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

import dev.storytracker.story.StoryFilter;
import dev.storytracker.story.StoryState;

/**
 * The list form of the trace as CSV for spreadsheets: one record per link. The export is written to a temporary file
 * first, from one statement in one short transaction, and the file is then sent and deleted: a client that downloads
 * slowly holds a file, not a database connection, and the answer never holds every link in memory.
 */
@Path("/api/trace.csv")
@Tag(name = "Planning")
public class TraceCsvResource {

    private static final Logger LOG = Logger.getLogger(TraceCsvResource.class);

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8; header=present";
    static final List<String> HEADER = List.of("item", "item_title", "item_level", "story", "story_title",
            "story_kind", "story_state", "character", "relation", "note");

    @Inject
    TraceQueries queries;

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(summary = "Every link as CSV (RFC 4180)", description = "Columns: " + "item, item_title, item_level, "
            + "story, story_title, story_kind, story_state, character, relation, note. Cells starting with = + - or @ "
            + "are prefixed with an apostrophe so spreadsheets show them as text. Anonymous callers get links of "
            + "accepted stories only. The rows are one snapshot of the database.")
    public Response csv(@QueryParam("state") String state, @Context RoutingContext http) throws IOException {
        StoryFilter filter = StoryFilter.of(null, null, null, null, state, null, null);
        Optional<StoryState> visible = StoryScope.visible(filter, identity).state();
        java.nio.file.Path spool = Files.createTempFile("trace-", ".csv"); // readable by this user only
        // The one place the file goes, however the exchange ends: sent, failed while writing it (the error answer ends
        // the exchange too), or the client gone before it was copied out.
        http.addEndHandler(ended -> deleteQuietly(spool));
        try (Writer writer = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            writer.write(Csv.record(HEADER));
            queries.eachLink(visible, cells -> writer.write(Csv.record(cells)));
        }
        StreamingOutput body = output -> Files.copy(spool, output);
        return Response.ok(body, MEDIA_TYPE).header(HttpHeaders.CONTENT_LENGTH, Files.size(spool))
                .header("Content-Disposition", "attachment; filename=\"trace.csv\"").build();
    }

    private static void deleteQuietly(java.nio.file.Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            LOG.warnf("could not delete the CSV export's temporary file %s: %s", spool, e.getMessage());
        }
    }
}
