package org.parley.post.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which profile tab a {@code ?tab=} shows; no parameter (the plain profile URL) is the Questions tab. */
class UserViewTabsTest {

    private static String shown(String tab) {
        UserView view = new UserView();
        view.setTab(tab);
        return view.getShownTab();
    }

    @Test
    void noOrAnUnknownTabIsQuestions() {
        assertEquals("questions", shown(null));
        assertEquals("questions", shown("bogus"));
        assertTrue(new UserView().isQuestionsTab());
        assertEquals("answers", shown("answers"));
        assertEquals("tags", shown("tags"));
        assertEquals("reputation", shown("reputation"));
        assertEquals("activity", shown("activity"));
        assertEquals("badges", shown("badges"));
    }
}
