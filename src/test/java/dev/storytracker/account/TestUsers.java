package dev.storytracker.account;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import dev.storytracker.TestData;
import dev.storytracker.story.EditTokens;
import dev.storytracker.story.StoryKind;
import dev.storytracker.story.StoryState;

/**
 * Accounts and private stories for the security tests. Every account made here is named {@code t-...}, so
 * {@link #removeAll()} finds them without touching the bootstrap admin or other tests' users; the bootstrap admin is
 * put back the way the test profile made it, in case a test changed it.
 */
@ApplicationScoped
public class TestUsers {

    public static final String PASSWORD = "twelve-chars-or-more";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String TRIAGER = "t-triager";
    public static final String PLANNER = "t-planner";

    /** bcrypt is slow on purpose; one hash of the shared password serves every account. */
    private static volatile String passwordHash;
    private static volatile String adminHashKnownGood;

    @Inject
    EntityManager em;

    @Inject
    TestData data;

    /** A triager and a planner, both with {@link #PASSWORD}. */
    public void createWorkingGroup() {
        create(TRIAGER, User.TRIAGER);
        create(PLANNER, User.PLANNER);
    }

    @Transactional
    public void create(String username, String roles) {
        if (passwordHash == null) {
            passwordHash = User.hash(PASSWORD);
        }
        User user = new User();
        user.username = username;
        user.passwordHash = passwordHash;
        user.roles = roles;
        user.persist();
    }

    @Transactional
    public User find(String username) {
        return User.findByUsername(username).orElseThrow();
    }

    @Transactional
    public void setPasswordHash(String username, String hash) {
        User.findByUsername(username).orElseThrow().passwordHash = hash;
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        User.findByUsername(username).orElseThrow().enabled = enabled;
    }

    @Transactional
    public void setRoles(String username, String roles) {
        User.findByUsername(username).orElseThrow().roles = roles;
    }

    /** Removes the {@code t-} accounts (unassigning their stories first) and restores the bootstrap admin. */
    @Transactional
    public void removeAll() {
        em.createNativeQuery("update story set assignee_id = null where assignee_id in"
                + " (select id from app_user where username like 't-%')").executeUpdate();
        em.createNativeQuery("delete from app_user where username like 't-%'").executeUpdate();
        User admin = User.findByUsername(ADMIN).orElseThrow();
        admin.roles = User.ADMIN;
        admin.enabled = true;
        if (!admin.passwordHash.equals(adminHashKnownGood)) {
            if (!BcryptUtil.matches(ADMIN_PASSWORD, admin.passwordHash)) {
                admin.setPassword(ADMIN_PASSWORD);
            }
            adminHashKnownGood = admin.passwordHash;
        }
    }

    /**
     * A status-quo story by "alan" in the given state, at version 0, with an edit token; returns the token. The
     * catalogue entry "alan" must exist.
     */
    @Transactional
    public String storyWithToken(String slug, StoryState state) {
        data.story(slug, StoryKind.STATUS_QUO, state, "alan", List.of(), List.of(), List.of());
        String token = EditTokens.newToken();
        // Set in SQL so that the story stays at version 0, the version every request of a test starts from.
        em.createNativeQuery("update story set edit_token_hash = ?1 where slug = ?2")
                .setParameter(1, EditTokens.hash(token)).setParameter(2, slug).executeUpdate();
        return token;
    }
}
