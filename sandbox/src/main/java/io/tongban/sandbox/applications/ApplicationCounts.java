package io.tongban.sandbox.applications;

import java.util.Map;

/**
 * How often a department received and decided each application, by SQBH: exactly once shows as a
 * decision count of 1 however often the application was delivered.
 *
 * @param receipts SQBH to the number of times it was received, repeats included
 * @param decisions SQBH to the number of decisions taken on it
 * @param feedReads how often the department's decision feed was read (polled feeds; 0 for one that sends)
 */
public record ApplicationCounts(Map<String, Integer> receipts, Map<String, Integer> decisions, long feedReads) {

    public ApplicationCounts {
        receipts = Map.copyOf(receipts);
        decisions = Map.copyOf(decisions);
    }

    /** Distinct applications received. */
    public int received() {
        return receipts.size();
    }

    /** Receipts including repeats of the same SQBH. */
    public int deliveries() {
        return receipts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Decisions taken. */
    public int decided() {
        return decisions.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Applications decided more than once: what the department promises never happens. */
    public int decidedTwice() {
        return (int) decisions.values().stream().filter(n -> n > 1).count();
    }
}
