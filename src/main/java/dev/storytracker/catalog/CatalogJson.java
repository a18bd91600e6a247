package dev.storytracker.catalog;

/** A character, theme or project as the API shows it, with how many accepted stories it has. */
public record CatalogJson(String slug, String name, String description, long stories) {
}
