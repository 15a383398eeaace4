package io.consort.recruitment.application;

/** What can happen to an application, and how a refusal names it ("cannot {phrase} an application ..."). */
public enum ApplicationAction {
    START_REVIEW("start reviewing"),
    REQUEST_INFO("request information on"),
    PROVIDE_INFO("provide information for"),
    APPROVE("approve"),
    REJECT("reject"),
    WITHDRAW("withdraw");

    private final String phrase;

    ApplicationAction(String phrase) {
        this.phrase = phrase;
    }

    String phrase() {
        return phrase;
    }
}
