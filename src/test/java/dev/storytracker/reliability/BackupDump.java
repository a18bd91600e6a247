package dev.storytracker.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a tracker database as sorted lines of text, with no ids and nothing that depends on the order rows
 * were written in, so that two databases can be compared with one {@code assertEquals}: the catalogue, the roadmap
 * (hierarchy, state, progress, owners, impact), stories with every field, links, triage events and comments. Plain
 * JDBC, so that tests outside Quarkus (the crash tests) use it on a database the jar wrote.
 */
final class BackupDump {

    /** What to leave out when comparing runs that cannot agree on it. */
    enum Times {
        /** Keep who/when of links, events and comments: a backup must reproduce them. */
        KEPT,
        /** Two imports run at different instants: compare everything but the instants. */
        DROPPED
    }

    private BackupDump() {
    }

    static List<String> of(Connection connection, Times times) throws SQLException {
        boolean withTimes = times == Times.KEPT;
        List<String> lines = new ArrayList<>();
        for (String table : List.of("story_character", "theme", "project")) {
            lines.addAll(query(connection, table, "select slug, name, description from " + table));
        }
        lines.addAll(query(connection, "roadmap", "select i.slug, i.title, i.level, p.slug, i.state, i.progress,"
                + " i.landing_url, i.impact, (select string_agg(o.name, '|' order by o.position) from roadmap_owner o"
                + " where o.item_id = i.id) from roadmap_item i left join roadmap_item p on p.id = i.parent_id"));
        lines.addAll(query(connection, "story", "select s.slug, s.kind, s.title, s.summary, x.body, c.slug, s.state,"
                + " d.slug, se.slug,"
                + " (select string_agg(t.slug, '|' order by t.slug) from story_theme st join theme t on t.id ="
                + " st.theme_id where st.story_id = s.id),"
                + " (select string_agg(p.slug, '|' order by p.slug) from story_project sp join project p on p.id ="
                + " sp.project_id where sp.story_id = s.id),"
                + " (select string_agg(a.name, '|' order by a.position) from story_author a where a.story_id = s.id),"
                + " (select string_agg(f.question || '=' || f.answer, '|' order by f.position) from story_faq f"
                + " where f.story_id = s.id),"
                + " (select string_agg(r.slug, '|' order by r.slug) from story_retell sr join story r on r.id ="
                + " sr.retold_id where sr.story_id = s.id),"
                + " (select string_agg(g.message, '|' order by g.position) from story_flag g where g.story_id = s.id)"
                + " from story s join story_text x on x.story_id = s.id"
                + " left join story_character c on c.id = s.character_id"
                + " left join story d on d.id = s.duplicate_of_id left join story se on se.id = s.series_id"));
        lines.addAll(query(connection, "link", "select s.slug, i.slug, l.relation, l.note, l.created_by"
                + (withTimes ? ", l.created_at" : "")
                + " from story_link l join story s on s.id = l.story_id join roadmap_item i on i.id = l.item_id"));
        lines.addAll(query(connection, "event", "select s.slug, e.from_state, e.to_state, e.actor, e.note"
                + (withTimes ? ", e.occurred_at" : "")
                + " from triage_event e join story s on s.id = e.story_id"));
        lines.addAll(query(connection, "comment", "select s.slug, c.author, c.body, c.to_writer"
                + (withTimes ? ", c.created_at" : "") + " from story_comment c join story s on s.id = c.story_id"));
        lines.sort(null);
        return lines;
    }

    /** Stories, events and links counted, for messages and for checks that need no full dump. */
    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> query(Connection connection, String what, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                StringBuilder line = new StringBuilder(what);
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    line.append(" | ").append(value(rows, i, meta.getColumnType(i)));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static String value(ResultSet rows, int column, int type) throws SQLException {
        if (type == java.sql.Types.TIMESTAMP_WITH_TIMEZONE || type == java.sql.Types.TIMESTAMP) {
            OffsetDateTime at = rows.getObject(column, OffsetDateTime.class);
            return at == null ? "null" : at.toInstant().toString();
        }
        return String.valueOf(rows.getString(column));
    }
}
