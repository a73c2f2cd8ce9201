package org.parley.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.common.Role;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;

class PrivilegeLadderTest {

    private static final PrivilegeLadder SO = PrivilegeLadder.defaults();

    @Test
    void theDefaultsAreStackOverflowsLadder() {
        Map<Privilege, Integer> expected = new EnumMap<>(Privilege.class);
        expected.put(Privilege.CREATE_POSTS, 1);
        expected.put(Privilege.VOTE_UP, 15);
        expected.put(Privilege.FLAG_POSTS, 15);
        expected.put(Privilege.COMMENT_EVERYWHERE, 50);
        expected.put(Privilege.EDIT_COMMUNITY_WIKI, 100);
        expected.put(Privilege.VOTE_DOWN, 125);
        expected.put(Privilege.REVIEW_FIRST_POSTS, 500);
        expected.put(Privilege.SEE_VOTE_COUNTS, 1_000);
        expected.put(Privilege.EDIT_FREELY, 2_000);
        expected.put(Privilege.REVIEW_SUGGESTED_EDITS, 2_000);
        expected.put(Privilege.CREATE_TAG_SYNONYMS, 2_500);
        expected.put(Privilege.CLOSE_REOPEN, 3_000);
        expected.put(Privilege.REVIEW_CLOSE_REOPEN, 3_000);
        expected.put(Privilege.EDIT_TAG_WIKIS, 5_000);
        expected.put(Privilege.DELETE_VOTES, 10_000);
        expected.put(Privilege.MODERATOR_TOOLS, 10_000);
        expected.put(Privilege.TRUSTED_USER, 20_000);
        for (Privilege p : Privilege.values()) {
            assertEquals(expected.get(p), SO.threshold(p), p.name());
        }
    }

    @Test
    void aPrivilegeIsEarnedAtItsThresholdExactly() {
        assertFalse(SO.has(Privilege.VOTE_DOWN, 124, Role.USER));
        assertTrue(SO.has(Privilege.VOTE_DOWN, 125, Role.USER));
        assertTrue(SO.has(Privilege.CREATE_POSTS, 1, Role.USER), "every new user (reputation 1) may post");
        assertFalse(SO.has(Privilege.VOTE_UP, 1, Role.USER));
    }

    @Test
    void moderatorsAndAdminsHaveEveryPrivilege() {
        for (Privilege p : Privilege.values()) {
            assertTrue(SO.has(p, 1, Role.MODERATOR), p.name());
            assertTrue(SO.has(p, 1, Role.ADMIN), p.name());
        }
        assertFalse(SO.has(Privilege.TRUSTED_USER, 19_999, Role.USER));
    }

    @Test
    void aRefusalNamesThePrivilegeItsThresholdAndTheUsersReputation() {
        NotAllowedException e =
                assertThrows(NotAllowedException.class, () -> SO.require(Privilege.CLOSE_REOPEN, 1_234, Role.USER));
        assertEquals(
                "This needs the “Cast close and reopen votes” privilege: 3,000 reputation on this site, and you have"
                        + " 1,234.",
                e.getMessage());
        SO.require(Privilege.CLOSE_REOPEN, 3_000, Role.USER); // no exception
    }

    @Test
    void aSiteSetsItsOwnThresholdsAndKeepsTheOthers() {
        PrivilegeLadder small = PrivilegeLadder.of(Map.of(Privilege.CLOSE_REOPEN, 500, Privilege.VOTE_DOWN, 50));
        assertEquals(500, small.threshold(Privilege.CLOSE_REOPEN));
        assertEquals(50, small.threshold(Privilege.VOTE_DOWN));
        assertEquals(15, small.threshold(Privilege.VOTE_UP));
        assertTrue(small.has(Privilege.CLOSE_REOPEN, 500, Role.USER));
        assertFalse(SO.has(Privilege.CLOSE_REOPEN, 500, Role.USER), "another site's ladder is untouched");
        assertSame(SO, PrivilegeLadder.of(Map.of()));
    }

    @Test
    void thresholdsOutOfRangeAreRefusedTogether() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> PrivilegeLadder.of(Map.of(Privilege.VOTE_UP, 0, Privilege.TRUSTED_USER, 1_000_001)));
        assertTrue(e.getMessage().contains("Trusted user (1000001)"), e.getMessage());
        assertTrue(e.getMessage().contains("Vote up (0)"), e.getMessage());
        assertTrue(e.getMessage().contains("1,000,000"), e.getMessage());
    }

    @Test
    void progressListsTheLadderInThresholdOrderWithTheShareEarned() {
        PrivilegeLadder site = PrivilegeLadder.of(Map.of(Privilege.TRUSTED_USER, 10));
        List<PrivilegeLadder.Progress> progress = site.progress(60, Role.USER);
        assertEquals(Privilege.values().length, progress.size());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i - 1).threshold() <= progress.get(i).threshold(), progress.toString());
        }
        PrivilegeLadder.Progress trusted = progress.stream()
                .filter(p -> p.privilege() == Privilege.TRUSTED_USER)
                .findFirst()
                .orElseThrow();
        assertTrue(trusted.earned());
        assertEquals(100, trusted.percent(), "capped at 100");
        PrivilegeLadder.Progress down = progress.stream()
                .filter(p -> p.privilege() == Privilege.VOTE_DOWN)
                .findFirst()
                .orElseThrow();
        assertFalse(down.earned());
        assertEquals(48, down.percent(), "60 of 125");
    }

    @Test
    void aLadderIsStoredAsOneLineOfItsOwnThresholds() {
        PrivilegeLadder site = PrivilegeLadder.of(Map.of(Privilege.VOTE_DOWN, 50, Privilege.CLOSE_REOPEN, 500));
        assertEquals("VOTE_DOWN=50;CLOSE_REOPEN=500", site.encoded(), "in the ladder's order");
        assertEquals(site, PrivilegeLadder.decode(site.encoded()));
        assertEquals("", SO.encoded());
        assertSame(SO, PrivilegeLadder.decode(""));
        assertSame(SO, PrivilegeLadder.decode(null));
        assertSame(SO, PrivilegeLadder.of(Map.of(Privilege.VOTE_UP, 15)), "a default given again is no override");
        assertEquals(
                PrivilegeLadder.of(Map.of(Privilege.VOTE_DOWN, 50)),
                PrivilegeLadder.decode("VOTE_DOWN=50;FLY=3"),
                "a privilege a newer server wrote is ignored");
        assertThrows(InvalidInputException.class, () -> PrivilegeLadder.decode("VOTE_DOWN=lots"));
        assertThrows(InvalidInputException.class, () -> PrivilegeLadder.decode("=5"));
        assertThrows(InvalidInputException.class, () -> PrivilegeLadder.decode("VOTE_DOWN=0"));
    }
}
