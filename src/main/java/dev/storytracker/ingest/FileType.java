package dev.storytracker.ingest;

import java.util.Arrays;
import java.util.Optional;

import dev.storytracker.story.StoryKind;

/** The folders of the corpus, in the order they are imported so that every reference points backwards. */
public enum FileType {
    CHARACTER("characters"),
    THEME("themes"),
    PROJECT("projects"),
    ROADMAP("roadmap"),
    STATUS_QUO("status-quo"),
    SHINY_FUTURE("shiny-future");

    private final String folder;

    FileType(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }

    public boolean isStory() {
        return this == STATUS_QUO || this == SHINY_FUTURE;
    }

    public StoryKind storyKind() {
        return this == SHINY_FUTURE ? StoryKind.SHINY_FUTURE : StoryKind.STATUS_QUO;
    }

    public static Optional<FileType> ofFolder(String folder) {
        return Arrays.stream(values()).filter(t -> t.folder.equals(folder)).findFirst();
    }
}
