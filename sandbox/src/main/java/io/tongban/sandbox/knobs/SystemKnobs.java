package io.tongban.sandbox.knobs;

import java.time.Duration;
import java.util.Random;

/**
 * The knobs of one line system, safe to turn from any thread while requests are served.
 * Errors are drawn from a seeded generator, so a run with the same requests fails the same ones.
 */
public final class SystemKnobs {

    /** What a system does when it is switched off or on again. */
    public interface Listening {
        void stopListening();

        void startListening();
    }

    private final Random errors;
    private volatile KnobSettings settings = KnobSettings.NORMAL;
    private Listening listening;

    public SystemKnobs(long seed) {
        this.errors = new Random(seed);
    }

    /** Connects the down knob to the system; called once the system has started. */
    public synchronized void bind(Listening system) {
        this.listening = system;
    }

    public KnobSettings settings() {
        return settings;
    }

    public SystemKnobs latency(Duration latency) {
        return apply(new KnobSettings(latency.toMillis(), settings.errorRate(), settings.down()));
    }

    public SystemKnobs errorRate(double errorRate) {
        return apply(new KnobSettings(settings.latencyMs(), errorRate, settings.down()));
    }

    public SystemKnobs down(boolean down) {
        return apply(new KnobSettings(settings.latencyMs(), settings.errorRate(), down));
    }

    public SystemKnobs reset() {
        return apply(KnobSettings.NORMAL);
    }

    /** Applies all three knobs at once; switching the system off or on happens before this returns. */
    public synchronized SystemKnobs apply(KnobSettings next) {
        boolean wasDown = settings.down();
        if (listening != null && wasDown != next.down()) {
            if (next.down()) {
                listening.stopListening();
            } else {
                listening.startListening();
            }
        }
        settings = next;
        return this;
    }

    /** Waits the configured latency; called by the system before it answers. */
    public void delay() {
        long millis = settings.latencyMs();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this request is to be answered with a server error. */
    public boolean shouldFail() {
        double rate = settings.errorRate();
        if (rate <= 0.0) {
            return false;
        }
        synchronized (errors) {
            return errors.nextDouble() < rate;
        }
    }
}
