package io.tongban.sandbox.market;

import io.tongban.sandbox.seed.Enterprise;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Market supervision's current register: starts from the seed, then follows the change files and approvals. */
public final class MarketRegistry {

    private final Map<String, Enterprise> enterprises = new ConcurrentHashMap<>();

    public MarketRegistry(List<Enterprise> seed) {
        seed.forEach(e -> enterprises.put(e.creditCode(), e));
    }

    public Optional<Enterprise> find(String creditCode) {
        return Optional.ofNullable(enterprises.get(creditCode));
    }

    /** Whether an enterprise on the register bears exactly this name now. */
    boolean nameTaken(String name) {
        return enterprises.values().stream().anyMatch(e -> e.name().equals(name));
    }

    /** Adds a newly established enterprise; false when its credit code is already on the register. */
    boolean register(Enterprise enterprise) {
        return enterprises.putIfAbsent(enterprise.creditCode(), enterprise) == null;
    }

    void update(String creditCode, UnaryOperator<Enterprise> change) {
        enterprises.computeIfPresent(creditCode, (code, current) -> change.apply(current));
    }
}
