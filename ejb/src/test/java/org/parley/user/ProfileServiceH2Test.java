package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;

/** Editing one's own profile and avatar on Hibernate and H2: all or nothing, versions that change each upload. */
class ProfileServiceH2Test {

    private static final String PASSWORD = "correct-horse-battery";

    private H2Services h2;
    private ProfileService profiles;
    private SiteInfo site;
    private Actor ada;

    @BeforeEach
    void aSiteWithAda() {
        h2 = new H2Services();
        profiles = h2.bean(ProfileService.class);
        site = h2.tx(() -> h2.bean(SiteService.class).ensureSite("bicycles.localhost", "bicycles", "Bicycles", ""));
        ada = h2.user(site.id(), "ada", PASSWORD, Role.USER, 1);
    }

    @AfterEach
    void close() {
        h2.close();
    }

    private static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void savingChangesTheProfileAndEachUploadGetsANewVersion() throws IOException {
        byte[] picture = png(300, 200);
        UserRef saved = h2.tx(
                () -> profiles.save(ada, "Ada Lovelace", "I *ride*.", "London", "https://ada.example", picture, false));
        assertEquals("Ada Lovelace", saved.displayName());
        ProfileService.ProfileForEdit edit = h2.tx(() -> profiles.forEdit(ada));
        assertEquals("London", edit.location());
        assertEquals("https://ada.example", edit.websiteUrl());
        assertEquals("I *ride*.", edit.aboutMe());
        assertEquals(1, edit.avatarVersion());
        ProfileService.AvatarImage first =
                h2.tx(() -> profiles.avatar(site.id(), saved.number())).orElseThrow();
        assertEquals("image/png", first.contentType());
        assertEquals(1, first.version());
        BufferedImage stored = ImageIO.read(new java.io.ByteArrayInputStream(first.bytes()));
        assertEquals(128, stored.getWidth());

        byte[] second = png(50, 50);
        h2.tx(() -> profiles.save(ada, "Ada Lovelace", null, null, null, second, false));
        assertEquals(
                2,
                h2.tx(() -> profiles.avatar(site.id(), saved.number()))
                        .orElseThrow()
                        .version());

        h2.tx(() -> profiles.save(ada, "Ada Lovelace", null, null, null, null, true));
        assertTrue(h2.tx(() -> profiles.avatar(site.id(), saved.number())).isEmpty());
        assertNull(h2.tx(() -> profiles.forEdit(ada)).avatarVersion());
    }

    @Test
    void aBadPictureRefusesTheWholeFormWithEveryProblem() {
        InvalidInputException refused = assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> profiles.save(
                        ada,
                        "Ada Changed",
                        null,
                        null,
                        "not a url",
                        "GIF89a but not really".getBytes(StandardCharsets.US_ASCII),
                        false)));
        assertEquals(
                List.of("website", "avatar"),
                refused.problems().stream().map(InvalidInputException::field).toList());
        assertThrows(
                InvalidInputException.class,
                () -> h2.run(() -> profiles.save(
                        ada, "Ada Changed", null, null, null, "plain text".getBytes(StandardCharsets.UTF_8), false)));
        assertEquals("User ada", h2.tx(() -> profiles.forEdit(ada)).displayName(), "nothing saved");
    }

    @Test
    void nobodyEditsWithoutLoggingIn() {
        assertThrows(
                NotAllowedException.class,
                () -> h2.run(() -> profiles.save(null, "Anyone", null, null, null, null, false)));
    }
}
