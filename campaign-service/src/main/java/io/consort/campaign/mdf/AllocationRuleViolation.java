package io.consort.campaign.mdf;

/** A fund request or claim that a program's allocation rule refuses; a 422 problem whose detail names the rule. */
public class AllocationRuleViolation extends RuntimeException {

    private final String rule;

    public AllocationRuleViolation(String rule, String message) {
        super("allocation rule " + rule + ": " + message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
