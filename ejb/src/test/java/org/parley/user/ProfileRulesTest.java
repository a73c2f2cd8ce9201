package org.parley.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.site.Site;

/** The profile's fields: checked all at once, and an imported user's dump attributes as the fallback. */
class ProfileRulesTest {

    private final Site site = new Site("p.localhost", "p", "P", "", Instant.now());

    private User user() {
        return new User(site, 7, "jane", "Jane Doe", PasswordHasher.UNUSABLE, Role.USER, Instant.now());
    }

    @Test
    void everyWrongFieldIsNamedAtOnceAndNothingChanges() {
        User u = user();
        InvalidInputException refused = assertThrows(
                InvalidInputException.class,
                () -> u.changeProfile("J", "x".repeat(User.MAX_ABOUT + 1), "y".repeat(101), "javascript:alert(1)"));
        assertEquals(
                List.of("display", "about", "location", "website"),
                refused.problems().stream().map(InvalidInputException::field).toList());
        assertEquals("Jane Doe", u.getDisplayName());
        assertThrows(InvalidInputException.class, () -> u.changeProfile("Moderator", null, null, null));
        assertThrows(InvalidInputException.class, () -> u.changeProfile("Jane", null, null, "ftp://example.com"));
        assertThrows(InvalidInputException.class, () -> u.changeProfile("Jane", null, null, "https://"));
    }

    @Test
    void aGoodEditIsTrimmedAndBlankFieldsClear() {
        User u = user();
        u.changeProfile("  Jane   D ", "  *hi*  ", "  Oslo,   Norway ", " https://jane.example/about?x=1 ");
        assertEquals("Jane D", u.getDisplayName());
        assertEquals("*hi*", u.getAboutMe());
        assertEquals("Oslo, Norway", u.getLocation());
        assertEquals("https://jane.example/about?x=1", u.getWebsiteUrl());
        u.changeProfile("Jane D", " ", "", null);
        assertNull(u.getAboutMe());
        assertNull(u.getLocation());
        assertNull(u.getWebsiteUrl());
    }

    @Test
    void dumpAttributesAreReadUnescapedAndOnlyHttpsPicturesKept() {
        String extras = "AccountId=\"12\" Location=\"Caf&amp;&#xA;&quot;Paris&quot;\" WebsiteUrl=\"http://a.example\""
                + " ProfileImageUrl=\"https://i.stack.imgur.com/x.png\" XLocation=\"no\"";
        assertEquals("Caf&\n\"Paris\"", DumpAttributes.get(extras, "Location"));
        assertEquals("https://i.stack.imgur.com/x.png", DumpAttributes.get(extras, "ProfileImageUrl"));
        assertNull(DumpAttributes.get(extras, "Missing"));
        assertNull(DumpAttributes.get("XLocation=\"no\"", "Location"), "not a prefix of another name");
        assertNull(DumpAttributes.get(null, "Location"));
        assertEquals("12", DumpAttributes.get(extras, "AccountId"));
    }

    @Test
    void anImportedPictureIsKeptOnlyOnAPictureHost() throws Exception {
        assertEquals(
                "https://www.gravatar.com/avatar/0a1b?s=256&d=identicon&r=PG",
                imported("ProfileImageUrl=\"https://www.gravatar.com/avatar/0a1b?s=256&amp;d=identicon&amp;r=PG\"")
                        .getImportedImageUrl());
        assertNull(imported("ProfileImageUrl=\"https://example.org/a.png\"").getImportedImageUrl(), "another host");
        assertNull(
                imported("ProfileImageUrl=\"http://www.gravatar.com/avatar/1\"").getImportedImageUrl(), "http");
        assertNull(user().getImportedImageUrl(), "not imported");
    }

    /** A user as the importer writes one: the dump's other attributes kept as they were (set by SQL, not a setter). */
    private User imported(String dumpExtra) throws ReflectiveOperationException {
        User u = user();
        Field field = User.class.getDeclaredField("dumpExtra");
        field.setAccessible(true);
        field.set(u, dumpExtra);
        return u;
    }
}
