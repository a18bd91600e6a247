package dev.storytracker;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the tracker itself, under the {@code tracker.} prefix. */
@ConfigMapping(prefix = "tracker")
public interface TrackerConfig {

    /** Import the story corpus from {@link Stories#dir()} when the server starts. */
    @WithDefault("true")
    boolean importOnStart();

    Stories stories();

    Admin admin();

    Accounts accounts();

    Api api();

    Submissions submissions();

    Gaps gaps();

    Feed feed();

    Imports imports();

    interface Stories {
        /** The folder holding the corpus in the front-matter format (characters/, themes/, status-quo/, ...). */
        @WithDefault("stories")
        Path dir();

        /**
         * Memory this instance may keep whole stories in, as read for their page and {@code /api/stories/{slug}}
         * (about one byte per character of their text); 0 keeps none. Every write drops them.
         */
        @WithDefault("32M")
        MemorySize cacheSize();
    }

    interface Admin {
        /** The user created at first start when there are no users at all. */
        @WithDefault("admin")
        String username();

        /** Its password; when absent a random one is generated and printed once in the log. */
        Optional<String> password();
    }

    interface Accounts {
        /**
         * bcrypt's cost for the password hashes made from now on (2 to the cost rounds; each step doubles the time of
         * a sign-in). A hash keeps the cost it was made with until its password is set again.
         */
        @WithDefault("10")
        @Min(4)
        @Max(31)
        int passwordCost();
    }

    interface Submissions {

        /** Submissions (forms and API) one client may make per window; past it the answer is 429. */
        @WithDefault("20")
        int perWindow();

        /** Length of the rate-limit window. */
        @WithDefault("1h")
        java.time.Duration window();
    }

    interface Imports {
        /** Largest zip an admin may upload for import (the page and /api/admin/imports). */
        @WithDefault("16M")
        MemorySize maxUploadSize();

        /** Entries (files and folders) a zip uploaded to /api/admin/imports may hold. */
        @WithDefault("10000")
        int maxUploadEntries();

        /** Bytes the markdown pages of an uploaded zip may unpack to, all together. */
        @WithDefault("64M")
        MemorySize maxUnpackedSize();

        /**
         * Files an import writes between two recounts of the stored counts, which run on a thread of their own beside
         * the writing (the counts lag behind by at most twice this during an import).
         */
        @WithDefault("5000")
        @Min(1)
        int recountEvery();
    }

    interface Api {
        /** Largest request body anywhere else (a story is at most 256 KiB of text plus its FAQ). */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** Page size used when a list request does not ask for one. */
        @WithDefault("20")
        int defaultPageSize();

        /** Largest page size a list request may ask for. */
        @WithDefault("200")
        int maxPageSize();

        /** Longest query string (the part after {@code ?}) in characters; longer ones are refused with 414. */
        @WithDefault("4096")
        int maxQueryLength();

        /** Most query parameters one request may carry; more are refused with 400. */
        @WithDefault("50")
        int maxQueryParameters();
    }

    interface Gaps {
        /** A character x theme cell with fewer accepted stories than this is listed as thin coverage. */
        @WithDefault("2")
        int thinThreshold();
    }

    interface Feed {
        /** The most entries {@code /feed.xml} holds: the newest story acceptances and roadmap state changes. */
        @WithDefault("50")
        int entries();
    }
}
