package dev.storytracker.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The "previous / page N of M / next" links under a paginated list, keeping the list's filters. */
public record Pager(int page, long pages, long total, String previous, String next) {

    public static Pager of(Page<?> page, String path, Map<String, String> filters) {
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        return new Pager(page.page(), pages, page.total(),
                page.page() > 1 ? link(path, filters, page.page() - 1, page.size()) : null,
                page.page() < pages ? link(path, filters, page.page() + 1, page.size()) : null);
    }

    private static String link(String path, Map<String, String> filters, int page, int size) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.put("page", String.valueOf(page));
        if (size != 20) {
            params.put("size", String.valueOf(size));
        }
        return Links.of(path, params);
    }
}
