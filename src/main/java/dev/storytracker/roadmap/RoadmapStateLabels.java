package dev.storytracker.roadmap;

import io.quarkus.qute.TemplateExtension;

/** How a roadmap state and level read on a page: an icon with its word, never the icon alone. */
@TemplateExtension
public class RoadmapStateLabels {

    static String icon(RoadmapState state) {
        return switch (state) {
            case DONE -> "✅";
            case IN_PROGRESS -> "🦀";
            case HELP_WANTED -> "✋";
            case PAUSED -> "💤";
        };
    }

    static String word(RoadmapState state) {
        return switch (state) {
            case DONE -> "done";
            case IN_PROGRESS -> "in progress";
            case HELP_WANTED -> "help wanted";
            case PAUSED -> "paused";
        };
    }
}
