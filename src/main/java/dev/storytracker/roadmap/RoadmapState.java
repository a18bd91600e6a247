package dev.storytracker.roadmap;

import dev.storytracker.SlugEnum;

/** How work on a roadmap item stands. */
public enum RoadmapState implements SlugEnum {
    DONE("done"),
    IN_PROGRESS("in-progress"),
    HELP_WANTED("help-wanted"),
    PAUSED("paused");

    private final String slug;

    RoadmapState(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends SlugEnum.Converter<RoadmapState> {
        public Converter() {
            super(RoadmapState.class);
        }
    }
}
