package dev.storytracker.triage;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard's figures as JSON, for the working group's own tools. */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Triage")
public class DashboardResource {

    @Inject
    DashboardFigures figures;

    @GET
    @RolesAllowed({"triager", "planner", "admin"})
    @Operation(summary = "The dashboard's figures", description = "Stories per state, accepted-story coverage of "
            + "character x theme per kind (zero cells are gaps), submissions per week for 26 weeks, and the age of "
            + "the open queue.")
    public DashboardFigures.Figures get() {
        return figures.figures(Instant.now());
    }
}
