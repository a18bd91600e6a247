package dev.storytracker.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode;

/**
 * Keeps user text from reordering the page around it. Unicode's bidi embedding, override and isolate controls
 * (U+202A to U+202E, U+2066 to U+2069) are invisible and change the display order of the text after them, so a title
 * ending in an unclosed right-to-left override could make the rest of its line read backwards. They are dropped from
 * everything a page shows: here for template values, in {@link Markdown} for rendered text. The stored text and the
 * API keep them. Letters of right-to-left scripts need no controls and show as written.
 */
@ApplicationScoped
public class BidiControls {

    static final Pattern CONTROLS = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

    /** The text without bidi controls; the same instance when it has none. */
    public static String strip(String text) {
        if (text == null || !CONTROLS.matcher(text).find()) {
            return text;
        }
        return CONTROLS.matcher(text).replaceAll("");
    }

    /** Registers the mapper before the engine is built; Quarkus fires the builder as an event for this. */
    void configure(@Observes EngineBuilder builder) {
        builder.addResultMapper(new Stripping());
    }

    /**
     * Takes the place of Qute's own HTML escaper, for values that hold a bidi control: strips them, then escapes as
     * Qute would. Values without one, and raw (already sanitised) HTML, are left to the escaper.
     */
    static final class Stripping implements ResultMapper {

        /** The content types Qute escapes by default. */
        private final HtmlEscaper escaper = new HtmlEscaper(
                List.of("text/html", "text/xml", "application/xml", "application/xhtml+xml"));

        @Override
        public int getPriority() {
            // Above the escaper Qute registers, so this one is asked first.
            return 100;
        }

        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return escaper.appliesTo(origin, result) && CONTROLS.matcher(result.toString()).find();
        }

        @Override
        public String map(Object result, Expression expression) {
            return escaper.map(strip(result.toString()), expression);
        }
    }
}
