package dev.storytracker.ingest;

/** What importing one file did. */
public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    REJECTED,
    /** Not a corpus file (outside the known folders); reported so nothing disappears silently. */
    SKIPPED;

    /** Whether the file changed the database. */
    public boolean wrote() {
        return this == CREATED || this == UPDATED;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
