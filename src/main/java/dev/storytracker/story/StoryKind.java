package dev.storytracker.story;

import dev.storytracker.SlugEnum;

/** Whether a story tells how things are today or how they should feel. */
public enum StoryKind implements SlugEnum {
    STATUS_QUO("status-quo"),
    SHINY_FUTURE("shiny-future");

    private final String slug;

    StoryKind(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends SlugEnum.Converter<StoryKind> {
        public Converter() {
            super(StoryKind.class);
        }
    }
}
