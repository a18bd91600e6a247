package dev.storytracker.publish;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the feed as Atom (RFC 4287) with the JDK's XML writer, which escapes markup; characters XML 1.0 cannot hold
 * at all (control characters) are dropped first. Ids are permanent addresses: the feed's own URL, and for each entry
 * the page it is about with the event's number as fragment, so a reader never sees one event twice.
 */
final class AtomWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TITLE = "Story tracker: accepted stories and roadmap changes";

    private AtomWriter() {
    }

    static String write(List<FeedQueries.Entry> entries, URI base) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "feed", ATOM);
            xml.writeDefaultNamespace(ATOM);
            String self = base.resolve("feed.xml").toString();
            text(xml, "id", self);
            text(xml, "title", TITLE);
            Instant updated = entries.isEmpty() ? Instant.now() : entries.get(0).at();
            text(xml, "updated", timestamp(updated));
            xml.writeStartElement("author");
            text(xml, "name", "Story tracker");
            xml.writeEndElement();
            link(xml, "self", "application/atom+xml", self);
            link(xml, "alternate", "text/html", base.toString());
            for (FeedQueries.Entry entry : entries) {
                entry(xml, entry, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, FeedQueries.Entry entry, URI base) throws XMLStreamException {
        boolean story = entry.kind().equals(FeedQueries.STORY);
        String page = base.resolve((story ? "stories/" : "roadmap/") + entry.slug()).toString();
        xml.writeStartElement("entry");
        text(xml, "id", page + (story ? "#accepted-" : "#state-") + entry.eventId());
        text(xml, "title", story ? "Accepted: " + entry.title() : roadmapTitle(entry));
        text(xml, "updated", timestamp(entry.at()));
        link(xml, "alternate", "text/html", page);
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", story ? "story-accepted" : "roadmap-" + entry.to().slug());
        text(xml, "summary", entry.text());
        xml.writeEndElement();
    }

    private static String roadmapTitle(FeedQueries.Entry entry) {
        String level = entry.level().slug();
        if (entry.from() == null) {
            return "New " + level + ": " + entry.title() + " (" + entry.to().slug() + ")";
        }
        return "The " + level + " " + entry.title() + " is now " + entry.to().slug() + " (was " + entry.from().slug()
                + ")";
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    /** RFC 3339 in UTC, to the millisecond. */
    static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Drops what XML 1.0 cannot represent: control characters other than tab and line breaks, lone surrogates. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c))) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
