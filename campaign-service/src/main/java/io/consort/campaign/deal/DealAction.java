package io.consort.campaign.deal;

/** What can happen to a deal registration; {@link DealState} says from where. */
public enum DealAction {
    START_REVIEW("start reviewing"),
    REQUEST_ACTION("request an action on"),
    RESUBMIT("resubmit"),
    APPROVE("approve"),
    REJECT("reject"),
    WITHDRAW("withdraw"),
    EXTEND("extend the protection of"),
    WIN("mark as won"),
    LOSE("mark as lost"),
    EXPIRE("expire");

    private final String phrase;

    DealAction(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}
