package org.parley.review;

/** What a reviewer does with a task. */
public enum ReviewAction {
    LOOKS_OK("Looks OK"),
    APPROVE("Approve"),
    REJECT("Reject"),
    CLOSE("Close"),
    LEAVE_OPEN("Leave open"),
    REOPEN("Reopen"),
    LEAVE_CLOSED("Leave closed"),
    RECOMMEND_DELETION("Recommend deletion"),
    SKIP("Skip");

    private final String label;

    ReviewAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
