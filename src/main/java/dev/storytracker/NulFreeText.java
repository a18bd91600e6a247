package dev.storytracker;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Interceptor;
import org.hibernate.type.Type;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Drops U+0000 from every text column before it is written, whatever the entity (story, comment, transition note,
 * link note, roadmap item, user). The character means nothing in the tracker's text, and PostgreSQL refuses it in a
 * text column, which turned a comment or a note holding one into a 500. The story's lists of authors and FAQ entries
 * are cleaned by {@code Story} itself.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class NulFreeText implements Interceptor {

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        return clean(state);
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
            String[] propertyNames, Type[] types) {
        return clean(currentState);
    }

    /** The text without U+0000 (null stays null). */
    public static String strip(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    private static boolean clean(Object[] state) {
        boolean changed = false;
        for (int i = 0; i < state.length; i++) {
            if (state[i] instanceof String text && text.indexOf('\0') >= 0) {
                state[i] = strip(text);
                changed = true;
            }
        }
        return changed;
    }
}
