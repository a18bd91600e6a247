package dev.storytracker.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.storytracker.account.User;
import dev.storytracker.web.InvalidInputException;

/**
 * The admin's import page: upload a zip of a vision document's book source (or of a front-matter corpus), optionally
 * as a dry run, and read the report of every file on the page.
 */
@Path("/admin/imports")
@RolesAllowed(User.ADMIN)
public class AdminImportPage {

    @Inject
    BookUpload upload;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(ImportJson report, String error);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.imports(null, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importZip(@RestForm("file") FileUpload file, @RestForm("format") String format,
            @RestForm("dryRun") String dryRun) {
        try {
            ImportResource.Options options = ImportResource.options(format, "on".equals(dryRun) ? "true" : null,
                    file == null || file.size() == 0 ? "is required: choose the zip of the book source" : null);
            ImportJson report = ImportJson.of(upload.importZip(file.uploadedFile(), options.format(),
                    options.dryRun()));
            return Response.ok(Templates.imports(report, null)).build();
        } catch (InvalidInputException e) {
            String reason = e.violations().stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElse("Invalid input");
            return Response.status(400).entity(Templates.imports(null, reason)).build();
        } catch (BookUpload.TooLarge e) {
            return Response.status(413).entity(Templates.imports(null, e.getMessage())).build();
        }
    }
}
