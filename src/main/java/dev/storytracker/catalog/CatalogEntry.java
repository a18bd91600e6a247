package dev.storytracker.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import dev.storytracker.BaseEntity;

/** What characters, themes and projects have in common: a slug, a display name and a markdown description. */
@MappedSuperclass
public abstract class CatalogEntry extends BaseEntity {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 65536;

    @Column(nullable = false, unique = true, length = 120)
    public String slug;

    @Column(nullable = false, length = MAX_NAME)
    public String name;

    @Column(nullable = false, length = MAX_DESCRIPTION)
    public String description = "";

    /** Path of the file it was imported from, relative to the imported folder. */
    @Column(name = "source_path", length = 500)
    public String sourcePath;

    /** SHA-256 of the file it was imported from, so that re-importing an unchanged file does nothing. */
    @Column(name = "content_hash", length = 64)
    public String contentHash;
}
