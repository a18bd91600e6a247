package dev.storytracker.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The valid characters, themes, projects and roadmap items every fuzz corpus starts from. */
final class FuzzCatalog {

    final List<String> characters = List.of("alan", "grace");
    final List<String> themes = new ArrayList<>();
    final List<String> projects = new ArrayList<>();
    /** Every roadmap item, goals first. */
    final List<String> items = List.of("goal-a", "goal-b", "init-a", "init-b", "mile-a");

    FuzzCatalog() {
        for (int i = 0; i < 20; i++) {
            themes.add("theme-" + i);
        }
        for (int i = 0; i < 4; i++) {
            projects.add("project-" + i);
        }
    }

    /** Path to text of each catalogue and roadmap file. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        characters.forEach(c -> files.put("characters/" + c + ".md", "---\nname: " + c + "\n---\nAbout " + c + ".\n"));
        themes.forEach(t -> files.put("themes/" + t + ".md", "---\nname: " + t + "\n---\n"));
        projects.forEach(p -> files.put("projects/" + p + ".md", "---\nname: \"Project: " + p + "\"\n---\nIt runs.\n"));
        files.put("roadmap/goal-a.md", "---\ntitle: Goal A\nlevel: goal\nstate: in-progress\n---\nBetter.\n");
        files.put("roadmap/goal-b.md", "---\ntitle: Goal B\nlevel: goal\nowners: [Ann, Bo]\n---\n");
        files.put("roadmap/init-a.md", "---\ntitle: Init A\nlevel: initiative\nparent: goal-a\nprogress: 40\n---\n");
        files.put("roadmap/init-b.md", "---\ntitle: Init B\nlevel: initiative\nparent: goal-b\n"
                + "landing: https://example.org/b\n---\n");
        files.put("roadmap/mile-a.md", "---\ntitle: Mile A\nlevel: milestone\nparent: init-a\nstate: done\n---\n");
        return files;
    }
}
