package dev.storytracker.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** At start-up, says when the sign-in cookie's key is {@link SessionKeySource}'s, never the key itself. */
@ApplicationScoped
public class SessionKeyWarning {

    private static final Logger LOG = Logger.getLogger(SessionKeyWarning.class);

    void onStart(@Observes StartupEvent event) {
        // The import and export commands open no port (TrackerMain): no sign-in to speak of.
        boolean serving = ConfigProvider.getConfig().getOptionalValue("quarkus.http.host-enabled", Boolean.class)
                .orElse(true);
        if (serving && generated()) {
            LOG.warnf("No %s is set: sign-ins last until this instance stops, and other instances do not accept"
                    + " them (set it to at least 16 random characters, the same on every instance)",
                    SessionKeySource.KEY);
        }
    }

    /** Whether the key in use is the one made at start-up. */
    static boolean generated() {
        return SessionKeySource.NAME
                .equals(ConfigProvider.getConfig().getConfigValue(SessionKeySource.KEY).getSourceName());
    }
}
