package dev.storytracker.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a valid corpus of a given number of files for the concurrency and crash tests: 4 characters, 20 themes, 5
 * projects, 30 roadmap items in three levels, then stories (every fifth one a shiny future that retells an earlier
 * status quo), each with themes, a project, an author, a link to the roadmap and an FAQ. The same count always gives
 * the same bytes, so that two imports of two copies give the same database.
 */
final class CrashCorpus {

    static final int CATALOG_AND_ROADMAP = 4 + 20 + 5 + 30;
    private static final String[] CHARACTERS = {"alan", "grace", "niklaus", "barbara"};

    private CrashCorpus() {
    }

    /** Writes {@code files} files (at least {@link #CATALOG_AND_ROADMAP} + 1) under root; returns the story count. */
    static int write(Path root, int files) throws IOException {
        for (String character : CHARACTERS) {
            file(root, "characters/" + character, "name: " + capital(character), "About " + character + ".");
        }
        for (int t = 0; t < 20; t++) {
            file(root, "themes/theme-" + t, "name: Theme " + t, "What theme " + t + " is about.");
        }
        for (int p = 0; p < 5; p++) {
            file(root, "projects/project-" + p, "name: Project " + p, "A sample project.");
        }
        for (int g = 0; g < 5; g++) {
            file(root, "roadmap/goal-" + g, "title: Goal " + g + "\nlevel: goal\nstate: in-progress\nprogress: "
                    + (g * 20) + "\nowners: [\"Owner " + g + "\"]", "Impact of goal " + g + ".");
            for (int i = 0; i < 3; i++) {
                String initiative = "initiative-" + g + "-" + i;
                file(root, "roadmap/" + initiative,
                        "title: Initiative " + g + "." + i + "\nlevel: initiative\nparent: goal-"
                                + g + "\nstate: help-wanted\nowners: [\"Ann\", \"Bo\"]",
                        "Impact of " + initiative + ".");
                if (i < 2) {
                    file(root, "roadmap/milestone-" + g + "-" + i, "title: Milestone " + g + "." + i
                            + "\nlevel: milestone\nparent: " + initiative + "\nstate: done", "Done.");
                }
            }
        }
        int stories = files - CATALOG_AND_ROADMAP;
        for (int n = 0; n < stories; n++) {
            boolean shiny = n % 5 == 4;
            String slug = (shiny ? "future-" : "story-") + n;
            String matter = "title: \"Story number " + n + ": a title\"\ncharacter: " + CHARACTERS[n % 4]
                    + "\nthemes: [theme-" + (n % 20) + ", theme-" + ((n + 7) % 20) + "]\nprojects: [project-"
                    + (n % 5) + "]\nauthors: [\"Writer " + (n % 50) + " <w" + (n % 50) + "@example.org>\"]"
                    + "\nlinks:\n  - item: initiative-" + (n % 5) + "-" + (n % 3) + "\n    relation: motivates"
                    + "\n    note: \"Because of story " + n + "\""
                    + (shiny ? "\nretells: [story-" + (n - 1) + "]" : "") + "\nstate: "
                    + (n % 3 == 0 ? "submitted" : "accepted");
            file(root, (shiny ? "shiny-future/" : "status-quo/") + slug, matter, "## The story\n\nStory " + n
                    + " goes *wrong* in a new way.\n\n## Frequently Asked Questions\n\n### What are the morals?\n"
                    + "Moral " + n + ".\n");
        }
        return stories;
    }

    private static void file(Path root, String name, String matter, String body) throws IOException {
        Path file = root.resolve(name + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\n" + matter + "\n---\n" + body + "\n", StandardCharsets.UTF_8);
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
