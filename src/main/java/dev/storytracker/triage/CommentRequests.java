package dev.storytracker.triage;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.storytracker.story.Story;
import dev.storytracker.story.StoryFormView;
import dev.storytracker.story.WriterRequests;
import dev.storytracker.web.Markdown;

/** Comments marked as requests to the writer, rendered for the writer's edit page. */
@ApplicationScoped
public class CommentRequests implements WriterRequests {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Markdown markdown;

    @Override
    public List<StoryFormView.Request> forWriter(Story story) {
        return Comment.forWriter(story).stream()
                .map(c -> new StoryFormView.Request(c.author, WHEN.format(c.createdAt), markdown.render(c.body)))
                .toList();
    }
}
