package dev.storytracker.story;

import dev.storytracker.SlugEnum;

/** How a story entered the tracker; file-based sources are re-imported, the others are never overwritten by files. */
public enum StorySource implements SlugEnum {
    FILE("file"),
    MDBOOK("mdbook"),
    API("api"),
    FORM("form");

    private final String slug;

    StorySource(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    public boolean fromFiles() {
        return this == FILE || this == MDBOOK;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends SlugEnum.Converter<StorySource> {
        public Converter() {
            super(StorySource.class);
        }
    }
}
