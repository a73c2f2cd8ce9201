package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.DumpImports;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;

/**
 * What a newcomer meets in the first hour on an imported site (the bundled real dump, content up to 2023): the home
 * page stays a full page of top questions after someone asks a new one, the hot sidebar lists questions with their
 * current scores, list pages past the end say so, error pages keep the logged-in top bar, view counts agree, links
 * to the original site's questions stay on this site, and the admin finds every admin page from {@code /admin}, edits
 * a site and sees imports by state. Screenshots of home, the admin pages and the 404 page at 1280 and 390 px.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NewcomerBrowserIT {

    private static final Path DUMP = DumpImports.BUNDLED;
    /** The "Hot questions" list in the sidebar (the "Linked" one has the same class). */
    private static final String HOT = "//aside//section[h2[normalize-space(.)='Hot questions']]/ul";
    /** Questions in the bundled dump. */
    private static final int DUMP_QUESTIONS = 453;

    /** The imported site's host, imported once for the class's tests (an import takes a while); see {@link #site}. */
    private static String importedHost;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    @Test
    void oneNewQuestionLeavesAFullHomePageAndAHotSidebar() throws Exception {
        String host = site();
        String asked;
        try (Browser ada = new Browser(1280, 1000)) {
            register(ada.driver(), host, "ada");
            asked = ask(
                    ada.driver(),
                    host,
                    "Which tyre pressure for a loaded touring bike?",
                    "I carry about 20 kg of luggage on a steel touring bike. What pressure should I run in 700x35 tyres?");
        }

        try (Browser reader = new Browser(1280, 1000)) {
            WebDriver d = reader.driver();
            try {
                d.get(base(host) + "/");
                List<WebElement> top = d.findElements(By.cssSelector("main .question-list > li"));
                assertEquals(30, top.size(), "a full page of top questions, not just the new one");
                assertTrue(
                        top.get(0).getText().contains("Which tyre pressure"), "the new question leads: recent first");
                assertEquals(
                        "Bicycles Meta",
                        d.findElement(By.cssSelector(".brand-name")).getText());
                reader.screenshot("newcomer-home-1280");

                d.get(asked);
                List<WebElement> hot = d.findElements(By.xpath(HOT + "/li"));
                assertEquals(10, hot.size(), "the hot sidebar lists ten questions");
            } catch (AssertionError | RuntimeException e) {
                reader.evidence("newcomer-home-failure");
                throw e;
            }
        }
        try (Browser phone = new Browser(390, 844)) {
            phone.driver().get(base(host) + "/");
            phone.screenshot("newcomer-home-390");
        }
    }

    @Test
    void theHotSidebarShowsTheCurrentScore() throws Exception {
        String host = site();
        try (Browser bo = new Browser(1280, 1000)) {
            WebDriver d = bo.driver();
            try {
                Reputations.grant(host, register(d, host, "bo"), 15); // enough to vote up
                d.get(base(host) + "/questions/" + otherQuestion(-1));
                WebElement first = d.findElement(By.xpath(HOT + "/li"));
                int before = Integer.parseInt(first.findElement(By.cssSelector(".side-score"))
                        .getText()
                        .strip());
                String href = first.findElement(By.tagName("a")).getAttribute("href");
                long number = numberOf(href);

                d.get(href);
                WebElement score = d.findElement(By.cssSelector(".question .votes .score"));
                d.findElement(By.cssSelector(".question .vote-up")).click();
                waitFor(d).until(x -> score.getText().strip().equals(Integer.toString(before + 1)));
                // This page's own sidebar lists the question too, and follows the vote without a reload.
                waitFor(d).until(x -> sidebarScore(x, number) == before + 1);

                // Another question's page, for this user and for an anonymous reader.
                d.get(base(host) + "/questions/" + otherQuestion(number));
                assertEquals(before + 1, sidebarScore(d, number), "the sidebar shows the score after the vote");
                Http.Response anonymous = Http.get(host, "/questions/" + otherQuestion(number));
                if (anonymous.status() == 301 || anonymous.status() == 302) {
                    anonymous = Http.get(
                            host, URI.create(anonymous.header("Location")).getPath());
                }
                Matcher m = Pattern.compile(
                                "<span class=\"side-score\" title=\"score\">(-?[0-9]+)</span><a href=\"[^\"]*/questions/"
                                        + number + "/")
                        .matcher(anonymous.body());
                assertTrue(m.find(), "the anonymous page lists the voted question in its sidebar");
                assertEquals(Integer.toString(before + 1), m.group(1));
            } catch (AssertionError | RuntimeException e) {
                bo.evidence("newcomer-hot-failure");
                throw e;
            }
        }
    }

    @Test
    void smallThingsANewcomerNotices() throws Exception {
        String host = site();
        try (Browser eve = new Browser(1280, 1000)) {
            WebDriver d = eve.driver();
            try {
                // A list page past the end says so and links the last page.
                d.get(base(host) + "/questions?page=999");
                assertTrue(d.findElement(By.id("past-end")).getText().contains("past the end"));
                d.findElement(By.id("last-page")).click();
                assertFalse(d.findElements(By.cssSelector("main .question-list > li"))
                        .isEmpty());

                // Titles read well; the page names its language; the site has an icon.
                d.get(base(host) + "/questions?sort=votes");
                assertEquals("Highest-voted questions - Bicycles Meta", d.getTitle());
                assertEquals("en", d.findElement(By.tagName("html")).getAttribute("lang"));
                assertFalse(d.findElements(By.cssSelector("link[rel='icon'][href='/favicon.svg']"))
                        .isEmpty());
                Http.Response ico = Http.get(host, "/favicon.ico");
                assertEquals(200, ico.status());
                assertEquals("image/x-icon", ico.header("Content-Type"));
                assertEquals(200, Http.get(host, "/favicon.svg").status());

                // A link to the original site's question 2 (in question 7) leads to question 2 here.
                d.get(base(host) + "/questions/7");
                assertFalse(
                        d.findElements(
                                        By.cssSelector(
                                                ".question .post-body a[href='/questions/2'], .question a[href='/questions/2']"))
                                .isEmpty(),
                        "the link points here");
                assertTrue(d.findElements(By.cssSelector("a[href*='bicycles.meta.stackexchange.com/questions/2/']"))
                        .isEmpty());

                // Logged in, error pages keep the top bar; the view count agrees with the list's.
                register(d, host, "eve");
                String name = d.findElement(By.id("topbar-user")).getText();
                d.get(base(host) + "/no-such-page");
                assertTrue(d.findElement(By.id("topbar-user")).getText().contains(name.split("\n")[0]));
                eve.screenshot("newcomer-404-logged-in-1280");
                d.get(base(host) + "/admin");
                assertTrue(d.getPageSource().contains("403"));
                assertFalse(d.findElements(By.id("topbar-user")).isEmpty(), "the 403 page keeps the top bar");

                String chain;
                try (Browser cy = new Browser(1280, 1000)) {
                    register(cy.driver(), host, "cy");
                    chain = ask(
                            cy.driver(),
                            host,
                            "How often should a chain be replaced on a commuter?",
                            "I ride 15 km a day in all weathers. When is a chain worn out, and how do I measure it?");
                }
                d.get(chain);
                // The asker saw it after posting, so this is its second view (the cached read model said 0 here).
                assertEquals(
                        "Viewed 2 times",
                        d.findElement(By.cssSelector(".question-meta span:nth-child(3)"))
                                .getText());
                long asked = numberOf(chain);
                Thread.sleep(6_000); // the view tally writes every 5 s
                d.get(base(host) + "/questions");
                WebElement row =
                        d.findElement(By.xpath("//main//li[.//a[contains(@href, '/questions/" + asked + "/')]]"));
                assertTrue(row.getText().contains("2 views"), row.getText());
            } catch (AssertionError | RuntimeException e) {
                eve.evidence("newcomer-small-failure");
                throw e;
            }
        }
        try (Browser phone = new Browser(390, 844)) {
            WebDriver d = phone.driver();
            register(d, host, "pho");
            d.get(base(host) + "/no-such-page");
            assertFalse(d.findElements(By.id("topbar-user")).isEmpty());
            phone.screenshot("newcomer-404-logged-in-390");
        }
    }

    @Test
    void theAdminHomeLeadsEverywhereAndSitesAreEditable() throws Exception {
        String host = site();
        String name = ParleyDeployment.unique("fr");
        String alias = name + "-alias.localhost";
        try (Browser admin = new Browser(1280, 1000)) {
            WebDriver d = admin.driver();
            try {
                logIn(d, "localhost", "admin", ParleyDeployment.adminPassword());
                d.get(base("localhost") + "/admin");
                for (String id :
                        List.of("admin-sites", "admin-imports", "admin-cache", "admin-deadletters", "admin-console")) {
                    assertFalse(d.findElements(By.id(id)).isEmpty(), id);
                }
                assertTrue(d.findElement(By.id("admin-console"))
                        .getAttribute("href")
                        .contains("/console"));
                admin.screenshot("newcomer-admin-1280");

                // Imports: the completed one in its colour, without "Resume".
                d.get(base("localhost") + "/admin/imports");
                WebElement done = d.findElement(
                        By.xpath("//section[contains(@class, 'import') and .//h2[contains(., '" + host + "')]]"));
                assertTrue(done.getAttribute("class").contains("import-completed"), done.getAttribute("class"));
                assertTrue(done.findElements(By.xpath(".//button[contains(., 'Resume')]"))
                        .isEmpty());

                // Caches: L2's hit ratio is explained, and the tier's own ratio shown.
                d.get(base("localhost") + "/admin/cache");
                assertFalse(d.findElements(By.id("l2-hit-ratio-note")).isEmpty());
                assertFalse(d.findElements(By.cssSelector(".tier-hit-ratio")).isEmpty());

                // Sites: question counts, and editing title, language and host names.
                d.get(base("localhost") + "/admin/sites");
                WebElement imported = d.findElement(By.xpath("//tr[.//td[contains(., '" + host + "')]]"));
                long count = Long.parseLong(
                        imported.findElement(By.cssSelector("td.num")).getText().replace(",", ""));
                assertTrue(count >= DUMP_QUESTIONS, "question count " + count);
                d.findElement(By.id("site-host")).sendKeys(name + ".localhost");
                d.findElement(By.id("site-name")).sendKeys(name);
                d.findElement(By.id("site-title")).sendKeys("Langue " + name);
                d.findElement(By.id("site-submit")).click();
                waitFor(d)
                        .until(x -> !x.findElements(By.id("edit-site-" + name)).isEmpty());
                admin.screenshot("newcomer-admin-sites-1280");
                d.findElement(By.id("edit-site-" + name)).click();
                WebElement title = waitFor(d).until(x -> x.findElement(By.id("edit-title")));
                title.clear();
                title.sendKeys("Français " + name);
                d.findElement(By.id("edit-language")).clear();
                d.findElement(By.id("edit-language")).sendKeys("fr");
                d.findElement(By.id("edit-aliases")).sendKeys(alias);
                d.findElement(By.id("site-save")).click();
                waitFor(d)
                        .until(x -> x.getPageSource().contains("Français " + name)
                                && x.getPageSource().contains(alias));

                d.get(base(alias) + "/");
                assertEquals("fr", d.findElement(By.tagName("html")).getAttribute("lang"));
                assertEquals(
                        "Français " + name,
                        d.findElement(By.cssSelector(".brand-name")).getText());

                // The server refuses a taken host, whatever the page sends.
                d.get(base("localhost") + "/admin/sites");
                d.findElement(By.id("edit-site-" + name)).click();
                waitFor(d).until(x -> x.findElement(By.id("edit-aliases"))).sendKeys("\nlocalhost");
                d.findElement(By.id("site-save")).click();
                waitFor(d).until(x -> x.getPageSource().contains("already answers on localhost"));
            } catch (AssertionError | RuntimeException e) {
                admin.evidence("newcomer-admin-failure");
                throw e;
            }
        }
        try (Browser phone = new Browser(390, 844)) {
            WebDriver d = phone.driver();
            logIn(d, "localhost", "admin", ParleyDeployment.adminPassword());
            d.get(base("localhost") + "/admin");
            phone.screenshot("newcomer-admin-390");
            d.get(base("localhost") + "/admin/sites");
            phone.screenshot("newcomer-admin-sites-390");
        }
    }

    /**
     * The bundled dump imported into a site of its own, without a title (so the site is titled from the folder's name),
     * once for this class: every test only adds to it.
     */
    private static synchronized String site() throws Exception {
        if (importedHost != null) {
            return importedHost;
        }
        String name = ParleyDeployment.unique("bm");
        String host = name + ".localhost";
        DumpImports.run(
                URI.create(base("localhost")),
                ParleyDeployment.adminPassword(),
                DUMP,
                name,
                host,
                Duration.ofMinutes(5));
        importedHost = host;
        return host;
    }

    /** A question number of the dump other than {@code not} (questions 1, 2 and 7 are in it). */
    private static long otherQuestion(long not) {
        return not == 1 ? 2 : 1;
    }

    private static int sidebarScore(WebDriver d, long number) {
        WebElement li = d.findElement(By.xpath(HOT + "/li[a[contains(@href, '/questions/" + number + "/')]]"));
        return Integer.parseInt(
                li.findElement(By.cssSelector(".side-score")).getText().strip());
    }

    private static long numberOf(String url) {
        Matcher m = Pattern.compile("/questions/([0-9]+)").matcher(url);
        assertTrue(m.find(), url);
        return Long.parseLong(m.group(1));
    }

    private static String base(String host) {
        return "http://" + host + ":" + Http.port();
    }

    /** Registers a new user named {@code prefix} plus a unique suffix; returns the username. */
    private static String register(WebDriver d, String host, String prefix) {
        String user = ParleyDeployment.unique(prefix);
        d.get(base(host) + "/users/register");
        d.findElement(By.id("register-username")).sendKeys(user);
        d.findElement(By.id("register-display")).sendKeys("Newcomer " + user);
        d.findElement(By.id("register-password")).sendKeys("a-long-enough-password");
        d.findElement(By.id("register-submit")).click();
        waitFor(d).until(x -> !x.findElements(By.id("topbar-user")).isEmpty());
        return user;
    }

    /** Asks a question tagged "discussion" in the browser; returns its URL. */
    private static String ask(WebDriver d, String host, String title, String body) {
        d.get(base(host) + "/questions/ask");
        d.findElement(By.id("ask-title")).sendKeys(title);
        d.findElement(By.id("ask-body")).sendKeys(body);
        WebElement tags = d.findElement(By.cssSelector("#ask-tags input, input#ask-tags"));
        tags.sendKeys("discussion");
        tags.sendKeys(Keys.ENTER);
        BrowserUser.submitAsk(d);
        waitFor(d).until(ExpectedConditions.urlMatches("/questions/[0-9]+/"));
        return d.getCurrentUrl();
    }

    private static void logIn(WebDriver d, String host, String username, String password) {
        d.get(base(host) + "/users/login");
        d.findElement(By.id("login-username")).sendKeys(username);
        d.findElement(By.id("login-password")).sendKeys(password);
        d.findElement(By.id("login-submit")).click();
        waitFor(d).until(x -> !x.findElements(By.id("logout")).isEmpty());
    }
}
