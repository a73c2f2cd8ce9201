package org.parley.testing;

import static org.parley.testing.Browser.waitFor;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What browser tests do as a user through Parley's own forms: sign up (after dropping whoever was logged in), log in,
 * ask a question. {@code base} is the site's address, e.g. {@code http://localhost:10380}.
 */
public final class BrowserUser {

    private BrowserUser() {}

    /** Signs {@code username} up with display name "User NAME" (which logs them in), in a browser without a session. */
    public static void register(WebDriver d, String base, String username, String password) {
        d.manage().deleteAllCookies();
        d.get(base + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(username);
        d.findElement(By.id("register-display")).sendKeys("User " + username);
        d.findElement(By.id("register-password")).sendKeys(password);
        d.findElement(By.id("register-submit")).click();
        waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
    }

    /** Logs {@code username} in, in a browser without a session. */
    public static void logIn(WebDriver d, String base, String username, String password) {
        d.manage().deleteAllCookies();
        d.get(base + "/users/login");
        d.findElement(By.id("login-username")).sendKeys(username);
        d.findElement(By.id("login-password")).sendKeys(password);
        d.findElement(By.id("login-submit")).click();
        waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
    }

    /**
     * Asks a question with one tag through the ask page; returns the question's URL. Waits for the tag's token before
     * posting (Enter while the suggestions are still loading must not post a form without its tag), and when the form
     * comes back instead of the question, fails with the messages the page shows.
     */
    public static String ask(WebDriver d, String base, String title, String body, String tag) {
        d.get(base + "/questions/ask");
        d.findElement(By.id("ask-title")).sendKeys(title);
        d.findElement(By.id("ask-body")).sendKeys(body);
        enterTag(d, tag);
        submitAsk(d);
        waitFor(d)
                .until(x -> x.getCurrentUrl().matches(".*/questions/[0-9]+/.*")
                        || !errorsOn(x).isEmpty());
        String errors = errorsOn(d);
        if (!errors.isEmpty()) {
            throw new AssertionError("asking \"" + title + "\" came back with: " + errors);
        }
        return d.getCurrentUrl();
    }

    /**
     * Presses the ask form's "Post your question" (see {@link #press}): the similar-questions list under the title and
     * the body's preview both land after typing and move the button down.
     */
    public static void submitAsk(WebDriver d) {
        press(d, "ask-submit");
    }

    /**
     * Clicks the button or link {@code id} once nothing on the page is aria-busy. What lands after typing (the
     * similar-questions list, a form's live preview) moves everything below it, and a click while it lands can miss
     * the button (seen under load in CI); similar-questions.js and forms.js keep those boxes aria-busy while an answer
     * is pending.
     */
    public static void press(WebDriver d, String id) {
        waitFor(d)
                .until(x -> x.findElements(By.cssSelector("[aria-busy='true']")).isEmpty());
        d.findElement(By.id(id)).click();
    }

    /**
     * Opens "Add a comment" under {@code post} (a CSS selector such as {@code .question}) and returns its text area once
     * parley.js has moved the page's one comment form there (on the details' toggle event, which runs after the click).
     */
    public static WebElement openCommentForm(WebDriver d, String post) {
        d.findElement(By.cssSelector(post + " details.comment-form summary")).click();
        return waitFor(d)
                .until(x -> x.findElements(By.cssSelector(post + " textarea[id$='comment-text']")).stream()
                        .findFirst()
                        .orElse(null));
    }

    /** Types {@code tag} into the ask or edit form's tag box and waits until it is a token of the box. */
    public static void enterTag(WebDriver d, String tag) {
        WebElement tags = d.findElement(By.cssSelector("#ask-tags input, input#ask-tags"));
        tags.sendKeys(tag);
        tags.sendKeys(Keys.ENTER);
        waitFor(d)
                .until(x -> x.findElements(By.cssSelector("#ask-tags li.ui-autocomplete-token")).stream()
                        .anyMatch(t -> tag.equalsIgnoreCase(t.getAttribute("data-token-value"))
                                || t.getText().trim().equalsIgnoreCase(tag)));
    }

    /** The field errors and page messages a returned form shows, joined; empty when there are none. */
    private static String errorsOn(WebDriver d) {
        StringBuilder all = new StringBuilder();
        for (WebElement e : d.findElements(By.cssSelector(".field-error, .messages .error, .ui-growl-message-error"))) {
            String text = e.getText().trim();
            if (!text.isEmpty()) {
                all.append(all.length() == 0 ? "" : "; ").append(text);
            }
        }
        return all.toString();
    }
}
