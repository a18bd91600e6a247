package dev.storytracker.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jboss.logging.Logger;

import dev.storytracker.TrackerConfig;
import dev.storytracker.web.InvalidInputException;

/**
 * Imports a book (or a front-matter corpus) uploaded as a zip: unpacks its markdown pages into a temporary folder,
 * runs the same import as the command, and removes the folder. The zip is bounded in entries, in unpacked bytes
 * (counted as they are written, not taken from the headers) and per page; entries that climb out of the folder are
 * refused, symbolic links are ignored.
 */
@ApplicationScoped
public class BookUpload {

    private static final Logger LOG = Logger.getLogger(BookUpload.class);

    @Inject
    Importer importer;

    @Inject
    TrackerConfig config;

    /** An upload past one of the bounds; answered 413. */
    public static class TooLarge extends RuntimeException {
        public TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    public ImportReport importZip(Path zip, ImportFormat format, boolean dryRun) {
        Path dir;
        try {
            dir = Files.createTempDirectory("book-upload-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary folder for the upload", e);
        }
        try {
            unpack(zip, dir);
            return importer.importFolder(dir, format, dryRun);
        } catch (IOException e) {
            throw InvalidInputException.of("file", "cannot be imported: " + e.getMessage());
        } finally {
            delete(dir);
        }
    }

    void unpack(Path zipFile, Path dir) {
        int maxEntries = config.imports().maxUploadEntries();
        long maxBytes = config.imports().maxUnpackedSize().asLongValue();
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).get()) {
            int entries = 0;
            long[] total = {0};
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > maxEntries) {
                    throw new TooLarge("The archive holds more than " + maxEntries + " entries.");
                }
                String name = entry.getName();
                Path target = dir.resolve(checkedName(name)).normalize();
                if (!target.startsWith(dir)) {
                    throw escapes(name);
                }
                if (entry.isDirectory() || entry.isUnixSymlink()
                        || !name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                    copy(in, out, name, total, maxBytes);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw InvalidInputException.of("file",
                    "holds the same page twice: " + dir.relativize(Path.of(e.getFile())));
        } catch (IOException e) {
            LOG.debugf(e, "upload is not a readable zip");
            throw InvalidInputException.of("file", "is not a readable zip archive");
        }
    }

    /** Refuses names that are absolute, climb with {@code ..}, or carry drive letters, backslashes or NUL. */
    private static String checkedName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                || name.indexOf('\0') >= 0 || Stream.of(name.split("/")).anyMatch(".."::equals)) {
            throw escapes(name);
        }
        return name;
    }

    private static InvalidInputException escapes(String name) {
        String shown = name.length() > 200 ? name.substring(0, 200) + "…" : name;
        return InvalidInputException.of("file", "holds the entry '" + shown.replace("\0", "\\0")
                + "', which would be written outside the book; the archive is refused");
    }

    private static void copy(InputStream in, OutputStream out, String name, long[] total, long maxBytes)
            throws IOException {
        byte[] buffer = new byte[8192];
        long written = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            written += read;
            total[0] += read;
            if (written > CorpusReader.MAX_FILE_BYTES) {
                throw new TooLarge("The page " + name + " unpacks to more than " + CorpusReader.MAX_FILE_BYTES / 1024
                        + " KiB.");
            }
            if (total[0] > maxBytes) {
                throw new TooLarge("The archive's pages unpack to more than " + maxBytes / (1024 * 1024) + " MiB.");
            }
            out.write(buffer, 0, read);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warnf("Could not remove the upload folder %s: %s", dir, e.getMessage());
        }
    }
}
