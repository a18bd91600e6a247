package dev.storytracker.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;

import dev.storytracker.web.FormSession;

/**
 * Walks the site as one caller, from a few seed pages along every link it finds to another page of the site, and has
 * each page inspected. Query strings are followed only for paging and similar ({@code page}, {@code by}, {@code kind},
 * {@code token}), so filter combinations cannot multiply the walk.
 */
final class SiteCrawler {

    private static final Pattern SKIPPED = Pattern.compile("^/(api|q|css|js)/.*|^/feed\\.xml.*|^/logout.*"
            + "|^/j_security_check.*|^/login.*");
    private static final Set<String> FOLLOWED_PARAMETERS = Set.of("page", "by", "kind", "token");
    private static final int VARIANTS_PER_PATH = 40;

    private final FormSession session;
    private final String who;
    private final Tally tally;
    private final boolean follow;
    private Pattern notFollowed = Pattern.compile("$^");
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, Integer> variants = new HashMap<>();
    private final Deque<String> queue = new ArrayDeque<>();
    /** Every page fetched, by address, for the checks that look for a particular text. */
    final Map<String, Document> pages = new HashMap<>();

    SiteCrawler(FormSession session, String who, Tally tally, boolean follow) {
        this.session = session;
        this.who = who;
        this.tally = tally;
        this.follow = follow;
    }

    /** Links to pages like these are not followed (they can still be seeded). */
    SiteCrawler notFollowing(String regex) {
        notFollowed = Pattern.compile(regex);
        return this;
    }

    SiteCrawler seed(String... paths) {
        for (String path : paths) {
            enqueue(path, true);
        }
        return this;
    }

    SiteCrawler seed(List<String> paths) {
        paths.forEach(p -> enqueue(p, true));
        return this;
    }

    void crawl(int cap) {
        while (!queue.isEmpty()) {
            if (seen.size() > cap) {
                tally.fail(who + ": the walk passed " + cap + " pages; raise the cap or narrow the links followed");
                return;
            }
            String path = queue.poll();
            Response response = session.getResponse(path);
            tally.pages++;
            int status = response.statusCode();
            if (status >= 500 || status == 401) {
                tally.fail(who + " GET " + path + " answered " + status);
                continue;
            }
            String type = response.contentType() == null ? "" : response.contentType();
            if (!type.startsWith("text/html")) {
                continue;
            }
            Document page = HtmlInspector.parse(response.asString());
            pages.put(path, page);
            for (String finding : HtmlInspector.findings(page)) {
                tally.fail(who + " GET " + path + ": " + finding);
            }
            if (follow) {
                for (Element link : page.select("a[href]")) {
                    enqueue(link.attr("href"), false);
                }
            }
        }
    }

    private void enqueue(String href, boolean seed) {
        if (!href.startsWith("/") || href.startsWith("//")) {
            return;
        }
        int hash = href.indexOf('#');
        String path = hash >= 0 ? href.substring(0, hash) : href;
        if (path.isEmpty() || SKIPPED.matcher(path).matches() || seen.contains(path)) {
            return;
        }
        int question = path.indexOf('?');
        if (!seed && notFollowed.matcher(path).matches()) {
            return;
        }
        if (!seed && question >= 0) {
            for (String pair : path.substring(question + 1).split("&")) {
                if (!FOLLOWED_PARAMETERS.contains(pair.split("=", 2)[0])) {
                    return;
                }
            }
            String base = path.substring(0, question);
            if (variants.merge(base, 1, Integer::sum) > VARIANTS_PER_PATH) {
                return;
            }
        }
        seen.add(path);
        queue.add(path);
    }
}
