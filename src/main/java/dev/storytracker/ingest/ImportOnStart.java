package dev.storytracker.ingest;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.storytracker.TrackerConfig;

/** Imports the configured corpus when the server starts, so a fresh start serves the bundled stories. */
@ApplicationScoped
public class ImportOnStart {

    private static final Logger LOG = Logger.getLogger(ImportOnStart.class);

    @Inject
    TrackerConfig config;

    @Inject
    Importer importer;

    void onStart(@Observes @Priority(2000) StartupEvent event) {
        if (!config.importOnStart()) {
            return;
        }
        var dir = config.stories().dir();
        if (!Files.isDirectory(dir)) {
            LOG.warnf("No story corpus at %s (tracker.stories.dir); starting without importing", dir.toAbsolutePath());
            return;
        }
        try {
            ImportReport report = importer.importFolder(dir, false);
            report.files().stream()
                    .filter(f -> f.outcome() == Outcome.REJECTED)
                    .forEach(f -> LOG.warnf("Rejected %s: %s", f.location(), f.reason()));
        } catch (IOException e) {
            LOG.errorf("Cannot import %s: %s", dir.toAbsolutePath(), e.getMessage());
        }
    }
}
