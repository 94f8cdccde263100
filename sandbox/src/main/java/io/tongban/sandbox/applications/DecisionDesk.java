package io.tongban.sandbox.applications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One department's handling of applications, whatever its protocol: receives each SQBH once (a repeat is
 * answered with the first receipt), decides it by the department's rule {@code decisionDelay} after receipt,
 * and keeps the decisions in an ordered log that the department's feed serves.
 * <p>
 * All decisions are taken on one scheduler thread, so they are numbered in the order taken without gaps, and
 * a rule may keep state (names already approved, licence counters) without locking.
 */
public final class DecisionDesk implements AutoCloseable {

    /** A department's rule: runs on the desk's decision thread only. */
    public interface Rule {
        Verdict decide(Application application);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DecisionDesk.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final String department;
    private final String receiptPrefix;
    private final Rule rule;
    private final Consumer<Decision> listener;
    private final Duration delay;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, String> receipts = new HashMap<>();
    private final Map<String, Integer> deliveries = new HashMap<>();
    private final Map<String, Integer> decisionsTaken = new HashMap<>();
    private long feedReads;
    private final List<Decision> log = new ArrayList<>();

    /**
     * @param receiptPrefix begins every SLBH, e.g. "SCJGSL"
     * @param listener told of each decision once it is in the log, on the decision thread
     */
    public DecisionDesk(String department, String receiptPrefix, Rule rule, Consumer<Decision> listener,
                        Duration delay, Clock clock) {
        this.department = department;
        this.receiptPrefix = receiptPrefix;
        this.rule = rule;
        this.listener = listener;
        this.delay = delay;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + department + "-decisions");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes an application and answers its receipt number (SLBH); the same SQBH again gets the same SLBH. */
    public synchronized String receive(Application application) {
        deliveries.merge(application.number(), 1, Integer::sum);
        String known = receipts.get(application.number());
        if (known != null) {
            LOG.debug("{} application {} received again: answered with receipt {}", department, application.number(), known);
            return known;
        }
        String receipt = receiptPrefix + LocalDate.now(clock).format(DAY) + String.format("%06d", receipts.size() + 1);
        receipts.put(application.number(), receipt);
        scheduler.schedule(() -> decide(application, receipt), delay.toNanos(), TimeUnit.NANOSECONDS);
        LOG.debug("{} application {} ({}) received as {}", department, application.number(), application.matter(), receipt);
        return receipt;
    }

    private void decide(Application application, String receipt) {
        try {
            Verdict verdict = rule.decide(application);
            Decision decision;
            synchronized (this) {
                decision = new Decision(log.size() + 1, application, receipt, verdict.approved(), verdict.reasons(),
                        verdict.results(), OffsetDateTime.now(clock));
                log.add(decision);
                decisionsTaken.merge(application.number(), 1, Integer::sum);
            }
            LOG.debug("{} application {} decided: XH {}, {}", department, application.number(), decision.sequence(),
                    decision.approved() ? "approved" : "rejected " + verdict.reasons().stream().map(Decision.Reason::code).toList());
            listener.accept(decision);
        } catch (RuntimeException e) {
            LOG.warn("{} could not decide application {}", department, application.number(), e);
        }
    }

    /** The decisions after XH {@code sequence}, at most {@code limit}, in the order taken. */
    public synchronized List<Decision> after(long sequence, int limit) {
        feedReads++;
        int from = (int) Math.min(Math.max(sequence, 0), log.size());
        int to = (int) Math.min((long) from + Math.max(limit, 0), log.size());
        return List.copyOf(log.subList(from, to));
    }

    public synchronized ApplicationCounts counts() {
        return new ApplicationCounts(deliveries, decisionsTaken, feedReads);
    }

    /** Stops deciding; applications not yet decided stay undecided. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
