package org.parley.testing;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.testing.PageClient.Page;

/**
 * A registered, logged-in user of a site, acting through its pages with a {@link PageClient} of its own (cookie jar
 * included): registers, asks and edits. Cluster tests point it at HAProxy or at one server.
 */
public final class SiteUser {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern QUESTION_URL = Pattern.compile("/questions/(\\d+)(/[^?#]*)?");

    /** A question as its asker got it acknowledged: number and the path the redirect named. */
    public record Question(long number, String path) {}

    private final String name;
    private final PageClient client;

    private SiteUser(String name, PageClient client) {
        this.name = name;
        this.client = client;
    }

    /** Registers a new user named {@code prefix} plus a unique suffix at {@code base} (signing up logs in). */
    public static SiteUser register(URI base, String prefix) throws IOException {
        SiteUser user =
                new SiteUser(prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36), new PageClient(base));
        Page form = user.client.get("/users/register");
        Page done = user.client.submit(
                form,
                "register-form",
                Map.of(
                        "register-username",
                        user.name,
                        "register-display",
                        "Test " + user.name,
                        "register-password",
                        PASSWORD,
                        "register-submit",
                        "Sign up"));
        if (done.status() != 302) {
            throw new IOException("registering " + user.name + " answered " + done.status());
        }
        return user;
    }

    /** The same user logged in again at {@code base} (another server), with a cookie jar of its own. */
    public static SiteUser login(URI base, SiteUser user) throws IOException {
        SiteUser again = new SiteUser(user.name, new PageClient(base));
        Page form = again.client.get("/users/login");
        Page done = again.client.submit(
                form,
                "login-form",
                Map.of("login-username", user.name, "login-password", PASSWORD, "login-submit", "Log in"));
        if (done.status() != 302) {
            throw new IOException("logging in answered " + done.status());
        }
        return again;
    }

    /** Another user (Parley's admin, say) logged in at {@code base} with their own password. */
    public static SiteUser login(URI base, String username, String password) throws IOException {
        SiteUser user = new SiteUser(username, new PageClient(base));
        Page done = user.client.submit(
                user.client.get("/users/login"),
                "login-form",
                Map.of("login-username", username, "login-password", password, "login-submit", "Log in"));
        if (done.status() != 302) {
            throw new IOException("logging in as " + username + " answered " + done.status());
        }
        return user;
    }

    /**
     * Has Parley's {@code admin} (password {@code adminPassword}) appoint {@code user} a moderator of the site at
     * {@code base}, on the moderators page: for tests that act as one user more often than a new user may (a moderator
     * is held by none of the anti-abuse limits).
     */
    public static void appointModerator(URI base, String adminPassword, SiteUser user) throws IOException {
        PageClient admin = new PageClient(base);
        Page login = admin.submit(
                admin.get("/users/login"),
                "login-form",
                Map.of("login-username", "admin", "login-password", adminPassword, "login-submit", "Log in"));
        if (login.status() != 302) {
            throw new IOException("the admin's log-in answered " + login.status());
        }
        Page done = admin.submit(
                admin.get("/admin/moderators"),
                "appoint-form",
                Map.of("appoint-username", user.name, "appoint-submit", "Appoint"));
        if (done.status() != 302) {
            throw new IOException("appointing " + user.name + " answered " + done.status() + ": " + done.body());
        }
        user.logInAgain();
    }

    /**
     * Logs this user in again in its own client: a role change ends the user's sessions at their next request (the
     * request made here first), and the new session has the new role.
     */
    public void logInAgain() throws IOException {
        client.get("/notifications");
        Page done = client.submit(
                client.get("/users/login"),
                "login-form",
                Map.of("login-username", name, "login-password", PASSWORD, "login-submit", "Log in"));
        if (done.status() != 302) {
            throw new IOException("logging in again answered " + done.status());
        }
    }

    public String name() {
        return name;
    }

    public PageClient client() {
        return client;
    }

    /** Asks a question (tags separated by spaces); returns once Parley acknowledged it with its redirect. */
    public Question ask(String title, String body, String tags) throws IOException {
        Page form = client.get("/questions/ask");
        if (form.status() != 200) {
            throw new IOException("the ask page answered " + form.status());
        }
        Page done = client.submit(
                form,
                "ask-form",
                Map.of("ask-title", title, "ask-body", body, "ask-tags_input", tags, "ask-submit", ""));
        Matcher m = done.location() == null ? null : QUESTION_URL.matcher(done.location());
        if (done.status() != 302 || m == null || !m.find()) {
            throw new IOException("asking answered " + done.status());
        }
        return new Question(Long.parseLong(m.group(1)), m.group(0));
    }

    /** Edits this user's question: title, body and tags (separated by spaces); returns once Parley acknowledged it. */
    public void edit(Question question, String title, String body, String tags) throws IOException {
        Page form = client.get("/posts/" + question.number() + "/edit");
        if (form.status() != 200) {
            throw new IOException("the edit page answered " + form.status());
        }
        Page done = client.submit(
                form,
                "edit-form",
                Map.of("edit-title", title, "edit-body", body, "edit-tags_input", tags, "edit-submit", ""));
        if (done.status() != 302) {
            throw new IOException("editing answered " + done.status());
        }
    }

    /** Votes to close a question (reason as the close page names it, e.g. DUPLICATE); returns once acknowledged. */
    public void voteToClose(Question question, String reason, String duplicateOf) throws IOException {
        Page form = client.get("/posts/" + question.number() + "/close");
        if (form.status() != 200) {
            throw new IOException("the close page answered " + form.status());
        }
        Page done = client.submit(
                form,
                "close-form",
                Map.of(
                        "close-reason",
                        reason,
                        "close-duplicate",
                        duplicateOf == null ? "" : duplicateOf,
                        "close-note",
                        "",
                        "close-submit",
                        "Vote to close"));
        if (done.status() != 302) {
            throw new IOException("voting to close answered " + done.status() + ": " + done.body());
        }
    }

    /** Deletes this user's question (or, as a moderator, anyone's) from its page; returns once acknowledged. */
    public void delete(Question question) throws IOException {
        Page page = client.follow(question.path());
        if (page.status() != 200) {
            throw new IOException("the question page answered " + page.status());
        }
        Page done = client.submit(page, "question-form", Map.of("delete-question", "Delete"));
        if (done.status() != 302) {
            throw new IOException("deleting answered " + done.status() + ": " + done.body());
        }
    }
}
