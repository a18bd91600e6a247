package dev.storytracker.changes;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Sees every statement Hibernate prepares (entity writes, queries, native SQL) and tells {@link Changes} of those that
 * write. Statements run with plain JDBC on a session's connection are not seen: whoever writes that way calls
 * {@link Changes#written()} itself.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class WriteWatch implements StatementInspector {

    /** A data-changing statement inside a {@code with}: PostgreSQL allows them there. */
    private static final Pattern WRITE_WORD = Pattern.compile("\\b(?:insert|update|delete|merge)\\b",
            Pattern.CASE_INSENSITIVE);

    @Inject
    Changes changes;

    @Override
    public String inspect(String sql) {
        if (writes(sql)) {
            changes.written();
        }
        return sql;
    }

    /**
     * Whether {@code sql} may change data: everything but a plain {@code select} or {@code values}, and a
     * {@code with} that does not name a write. Erring towards "writes" only costs what was kept.
     */
    static boolean writes(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return true;
                }
                i = end + 2;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                if (end < 0) {
                    return true;
                }
                i = end + 1;
            } else {
                break;
            }
        }
        if (word(sql, i, "select") || word(sql, i, "values")) {
            return false;
        }
        if (word(sql, i, "with")) {
            return WRITE_WORD.matcher(sql).find();
        }
        return true;
    }

    private static boolean word(String sql, int at, String word) {
        int end = at + word.length();
        return sql.regionMatches(true, at, word, 0, word.length())
                && (end == sql.length() || !Character.isLetterOrDigit(sql.charAt(end)) && sql.charAt(end) != '_');
    }
}
