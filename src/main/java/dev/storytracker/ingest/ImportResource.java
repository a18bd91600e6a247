package dev.storytracker.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.storytracker.account.User;
import dev.storytracker.web.InvalidInputException;
import dev.storytracker.web.Problem;

/**
 * Lets an admin's scripts run an import by sending the book source (or a front-matter corpus) as an
 * {@code application/zip} body, and answers the import report. People upload the same zip on the admin page
 * ({@link AdminImportPage}), whose form carries a CSRF token.
 */
@jakarta.ws.rs.Path("/api/admin/imports")
@RolesAllowed(User.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class ImportResource {

    public static final String ZIP = "application/zip";

    @Inject
    BookUpload upload;

    @POST
    @Consumes(ZIP)
    @Operation(summary = "Import a zip sent as the request body", description = "The format is detected unless "
            + "format=mdbook or format=frontmatter is given; dryRun=true reports without writing.")
    public ImportJson body(InputStream body, @QueryParam("format") String format, @QueryParam("dryRun") String dryRun)
            throws IOException {
        Options options = options(format, dryRun, null);
        Path zip = Files.createTempFile("book-upload-", ".zip");
        try {
            Files.copy(body, zip, StandardCopyOption.REPLACE_EXISTING);
            return ImportJson.of(upload.importZip(zip, options.format(), options.dryRun()));
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    @ServerExceptionMapper
    public Response tooLarge(BookUpload.TooLarge e) {
        return Problem.of(413, "Payload Too Large", e.getMessage()).toResponse();
    }

    record Options(ImportFormat format, boolean dryRun) {
    }

    static Options options(String format, String dryRun, String missingFile) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (missingFile != null) {
            violations.add(new Problem.Violation("file", missingFile));
        }
        ImportFormat parsed = format == null || format.isBlank() ? ImportFormat.AUTO
                : ImportFormat.parse(format.strip()).orElse(null);
        if (parsed == null) {
            violations.add(new Problem.Violation("format", "must be auto, frontmatter or mdbook"));
        }
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            violations.add(new Problem.Violation("dryRun", "must be true or false"));
        }
        InvalidInputException.throwIfAny(violations);
        return new Options(parsed, "true".equals(dryRun));
    }
}
