package dev.storytracker.publish;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;

import dev.storytracker.TestData;
import dev.storytracker.roadmap.RoadmapEvent;
import dev.storytracker.roadmap.RoadmapItem;
import dev.storytracker.roadmap.RoadmapLevel;
import dev.storytracker.roadmap.RoadmapState;
import dev.storytracker.story.Story;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;
import dev.storytracker.triage.TriageEvent;

/** The Atom feed is well-formed XML with the acceptances and roadmap changes, newest first and bounded. */
@QuarkusTest
class FeedTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Inject
    TestData data;

    @BeforeEach
    void setUp() {
        data.reset();
        data.character("alan");
        data.item("goal", RoadmapLevel.GOAL, null);
        data.story("tricky", StoryKind.STATUS_QUO, StoryState.ACCEPTED, "alan", List.of(), List.of(), List.of());
        data.story("declined", StoryKind.STATUS_QUO, StoryState.DECLINED, "alan", List.of(), List.of(), List.of());
        events();
    }

    @Transactional
    void events() {
        Story tricky = Story.findBySlug("tricky").orElseThrow();
        tricky.title = "<b>Alan</b> & \"friends\"\u0001 ]]> wait";
        accepted(tricky, T0.plusSeconds(10));
        accepted(Story.findBySlug("declined").orElseThrow(), T0.plusSeconds(20));
        RoadmapItem goal = RoadmapItem.findBySlug("goal").orElseThrow();
        roadmap(goal, null, RoadmapState.HELP_WANTED, T0);
        roadmap(goal, RoadmapState.HELP_WANTED, RoadmapState.IN_PROGRESS, T0.plusSeconds(30));
    }

    private static void accepted(Story story, Instant at) {
        TriageEvent.record(story, StoryState.IN_REVIEW, StoryState.ACCEPTED, "tester", null).occurredAt = at;
    }

    private static void roadmap(RoadmapItem item, RoadmapState from, RoadmapState to, Instant at) {
        RoadmapEvent event = new RoadmapEvent();
        event.item = item;
        event.fromState = from;
        event.toState = to;
        event.actor = "tester";
        event.at = at;
        event.persist();
    }

    static Document feed() throws Exception {
        byte[] xml = given().get("/feed.xml").then().statusCode(200).contentType(startsWith("application/atom+xml"))
                .extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void the_feed_is_atom_with_acceptances_and_roadmap_changes_newest_first() throws Exception {
        Element feed = feed().getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(3, entries.getLength(), "the declined story's old acceptance is not announced");
        List<String> titles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            titles.add(entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent());
            ids.add(entry.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent());
            updated.add(entry.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent());
        }
        assertEquals(List.of("The goal Item goal is now in-progress (was help-wanted)",
                "Accepted: <b>Alan</b> & \"friends\" ]]> wait", "New goal: Item goal (help-wanted)"), titles);
        assertEquals(List.of("2026-03-01T10:00:30Z", "2026-03-01T10:00:10Z", "2026-03-01T10:00:00Z"), updated);
        assertTrue(ids.get(1).matches("http://[^/]+/stories/tricky#accepted-\\d+"), ids.get(1));
        assertTrue(ids.get(0).matches("http://[^/]+/roadmap/goal#state-\\d+"), ids.get(0));
        assertEquals(3, ids.stream().distinct().count());
        assertEquals("2026-03-01T10:00:30Z", feed.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent());
        assertTrue(feed.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent().endsWith("/feed.xml"));
    }

    @Test
    void the_feed_holds_the_newest_fifty_entries_only() throws Exception {
        manyAcceptances(60);
        NodeList entries = feed().getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
        assertEquals(50, entries.getLength());
        Element newest = (Element) entries.item(0);
        assertEquals("2026-03-02T10:00:59Z", newest.getElementsByTagNameNS(ATOM, "updated").item(0).getTextContent());
    }

    @Transactional
    void manyAcceptances(int count) {
        Story story = Story.findBySlug("tricky").orElseThrow();
        for (int i = 0; i < count; i++) {
            accepted(story, T0.plusSeconds(86_400 + i));
        }
    }
}
