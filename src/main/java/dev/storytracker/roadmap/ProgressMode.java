package dev.storytracker.roadmap;

import dev.storytracker.SlugEnum;

/** Whether a roadmap item's progress is entered by people (or files) or computed from its children. */
public enum ProgressMode implements SlugEnum {
    /** The progress is what a planner or the item's file says. */
    MANUAL("manual"),
    /** The progress is the rounded mean of the children's progress, kept up to date by {@link RoadmapRollup}. */
    ROLLUP("rollup");

    private final String slug;

    ProgressMode(String slug) {
        this.slug = slug;
    }

    @Override
    public String slug() {
        return slug;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends SlugEnum.Converter<ProgressMode> {
        public Converter() {
            super(ProgressMode.class);
        }
    }
}
