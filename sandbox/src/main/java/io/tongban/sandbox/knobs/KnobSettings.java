package io.tongban.sandbox.knobs;

/**
 * How one line system misbehaves.
 *
 * @param latencyMs added before every answer
 * @param errorRate share of requests answered with a server error, 0..1
 * @param down true while the system does not listen at all
 */
public record KnobSettings(long latencyMs, double errorRate, boolean down) {

    public static final KnobSettings NORMAL = new KnobSettings(0, 0.0, false);

    public KnobSettings {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("sandbox.invalid_knob: latencyMs must not be negative");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new IllegalArgumentException("sandbox.invalid_knob: errorRate must be between 0 and 1");
        }
    }
}
