package dev.storytracker.story;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The working group's requests to a story's writer, shown on the private edit page. Comments arrive with triage;
 * until a story has any, there is nothing to show.
 */
@ApplicationScoped
public class WriterRequests {

    public List<StoryFormView.Request> forWriter(Story story) {
        return List.of();
    }
}
