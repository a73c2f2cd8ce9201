package org.parley.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testing.Browser.waitFor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.testing.AxeCheck;
import org.parley.testing.Browser;
import org.parley.testing.BrowserUser;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;

/**
 * Editing one's profile in a real browser: a wrong web site and a text file passed off as a PNG are both refused,
 * next to their fields, with nothing saved; then a good edit with a real picture shows on the profile: the location,
 * the web site, the about text rendered from markdown, and the picture, resized to 128 pixels and served under a
 * versioned URL cached as immutable. A second upload changes the URL. Axe on the form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfileEditBrowserIT {

    private static final String BASE = "http://localhost:" + Http.port();
    private static final String PASSWORD = "a-long-enough-password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear();
    }

    private static Path picture(Color colour) throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillOval(220, 140, 200, 200);
        g.dispose();
        Path file = Files.createTempFile("avatar", ".png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void aProfileEditWithAnAvatarUploadShowsOnTheProfile() throws Exception {
        String ada = ParleyDeployment.unique("profada");
        Path fake = Files.createTempFile("not-a-picture", ".png");
        Files.writeString(fake, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", StandardCharsets.UTF_8);
        Path first = picture(new Color(30, 90, 200));
        Path second = picture(new Color(200, 60, 30));
        try (Browser wide = new Browser(1280, 1000)) {
            try {
                WebDriver d = wide.driver();
                BrowserUser.register(d, BASE, ada, PASSWORD);
                d.findElement(By.id("logout")); // logged in
                d.get(BASE + "/users/edit");
                assertEquals(
                        "User " + ada, d.findElement(By.id("profile-display")).getDomProperty("value"));
                assertTrue(
                        AxeCheck.seriousViolations(d).isEmpty(),
                        AxeCheck.report("profile-edit", AxeCheck.seriousViolations(d)));

                // Two wrong fields: both named, nothing saved.
                d.findElement(By.id("profile-location")).sendKeys("Lyon");
                d.findElement(By.id("profile-website")).sendKeys("javascript:alert(1)");
                d.findElement(By.id("profile-avatar")).sendKeys(fake.toString());
                d.findElement(By.id("profile-submit")).click();
                waitFor(d).until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-website-error")));
                assertTrue(
                        d.findElement(By.id("profile-website-error")).getText().contains("https://"),
                        d.findElement(By.id("profile-website-error")).getText());
                assertTrue(
                        d.findElement(By.id("profile-avatar-error")).getText().contains("PNG, JPEG or GIF"),
                        d.findElement(By.id("profile-avatar-error")).getText());
                assertEquals("true", d.findElement(By.id("profile-website")).getDomAttribute("aria-invalid"));
                wide.screenshot("profile-edit-refused");

                // A good edit with a real picture.
                WebElement website = d.findElement(By.id("profile-website"));
                website.clear();
                website.sendKeys("https://ada.example/bikes");
                d.findElement(By.id("profile-about")).sendKeys("I build **wheels**.");
                d.findElement(By.id("profile-avatar")).sendKeys(first.toString());
                d.findElement(By.id("profile-submit")).click();
                waitFor(d).until(ExpectedConditions.urlMatches("/users/[0-9]+/"));
                assertEquals("Lyon", d.findElement(By.id("profile-location")).getText());
                assertEquals(
                        "https://ada.example/bikes",
                        d.findElement(By.id("profile-website")).getDomAttribute("href"));
                assertEquals(
                        "wheels", d.findElement(By.cssSelector(".about strong")).getText());
                WebElement img = d.findElement(By.id("profile-picture"));
                String src = img.getDomAttribute("src");
                assertTrue(src.matches(".*/avatars/[0-9]+\\.png\\?v=1"), src);
                waitFor(d)
                        .until(x -> ((Number)
                                                ((JavascriptExecutor) x)
                                                        .executeScript(
                                                                "return document.getElementById('profile-picture').naturalWidth;"))
                                        .intValue()
                                == 128);
                Http.Response served = Http.get("localhost", src, Map.of());
                assertEquals(200, served.status());
                assertTrue(served.header("Cache-Control").contains("immutable"), served.header("Cache-Control"));
                assertTrue(served.header("Content-Type").startsWith("image/png"), served.header("Content-Type"));
                wide.screenshot("profile-with-avatar");

                // A new picture, a new URL; the old one now points at it.
                d.findElement(By.id("edit-profile")).click();
                waitFor(d).until(ExpectedConditions.urlContains("/users/edit"));
                d.findElement(By.id("profile-avatar")).sendKeys(second.toString());
                d.findElement(By.id("profile-submit")).click();
                waitFor(d).until(ExpectedConditions.urlMatches("/users/[0-9]+/"));
                String newer = d.findElement(By.id("profile-picture")).getDomAttribute("src");
                assertTrue(newer.endsWith("?v=2"), newer);
                assertEquals(302, Http.get("localhost", src, Map.of()).status());

                // The directory's card shows the same picture.
                d.get(BASE + "/users?filter=" + ada);
                assertEquals(
                        newer,
                        d.findElement(By.cssSelector("#user-grid .user-cell img.user-picture"))
                                .getDomAttribute("src"));
                assertEquals(
                        "Lyon",
                        d.findElement(By.cssSelector("#user-grid .user-location"))
                                .getText());

                // The profile's tabs: Ada asks in "wheels", Bo votes it up; Bo sees his vote on his Votes tab (a tab
                // nobody else has), Ada her tag's score and her reputation history as a chart and a table.
                String profileUrl =
                        d.findElement(By.cssSelector("#user-grid .user-name")).getDomProperty("href");
                String questionUrl = BrowserUser.ask(
                        d,
                        BASE,
                        "How tight should spokes be on a touring wheel " + ada + "?",
                        "Mine ping at different pitches.\n\nIs there a number to aim for?",
                        "wheels");
                String bo = ParleyDeployment.unique("profbo");
                BrowserUser.register(d, BASE, bo, PASSWORD);
                Reputations.grant("localhost", bo, 15);
                d.get(questionUrl);
                d.findElement(By.cssSelector(".question .vote-up")).click();
                waitFor(d)
                        .until(x -> x.findElement(By.cssSelector(".question .score"))
                                .getText()
                                .trim()
                                .equals("1"));
                d.get(BASE + "/users?filter=" + bo);
                d.findElement(By.cssSelector("#user-grid .user-name")).click();
                waitFor(d).until(ExpectedConditions.urlMatches("/users/[0-9]+/"));
                d.findElement(By.id("tab-votes")).click();
                waitFor(d).until(ExpectedConditions.urlContains("tab=votes"));
                assertTrue(
                        d.findElement(By.id("votes-cast")).getText().contains("How tight should spokes be"),
                        d.findElement(By.id("votes-cast")).getText());
                d.get(profileUrl);
                assertTrue(d.findElements(By.id("tab-votes")).isEmpty(), "only one's own votes");
                d.get(profileUrl + "?tab=votes");
                assertTrue(d.findElements(By.id("votes-cast")).isEmpty(), "someone else's votes are not shown");
                d.get(profileUrl + "?tab=tags");
                assertTrue(
                        d.findElement(By.id("profile-tags")).getText().contains("wheels"),
                        d.findElement(By.id("profile-tags")).getText());
                d.get(profileUrl + "?tab=reputation");
                waitFor(d)
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reputation-chart canvas")));
                assertTrue(
                        d.findElement(By.id("reputation-table")).getText().contains("+10"),
                        d.findElement(By.id("reputation-table")).getText());
                assertTrue(
                        AxeCheck.seriousViolations(d).isEmpty(),
                        AxeCheck.report("profile-reputation", AxeCheck.seriousViolations(d)));
                wide.screenshot("profile-reputation");
            } catch (RuntimeException | AssertionError e) {
                wide.evidence("failed-profile-edit");
                throw e;
            }
        } finally {
            Files.deleteIfExists(fake);
            Files.deleteIfExists(first);
            Files.deleteIfExists(second);
        }
    }
}
