package dev.storytracker.roadmap;

import dev.storytracker.SlugEnum;

/** The depth of a roadmap item: goals split into initiatives, which may split into milestones. */
public enum RoadmapLevel implements SlugEnum {
    GOAL("goal"),
    INITIATIVE("initiative"),
    MILESTONE("milestone");

    private final String slug;

    RoadmapLevel(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends SlugEnum.Converter<RoadmapLevel> {
        public Converter() {
            super(RoadmapLevel.class);
        }
    }
}
