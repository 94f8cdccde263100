package io.tongban.sandbox.market;

import io.tongban.sandbox.seed.Enterprise;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Market supervision's current register: starts from the seed, then follows the change files. */
public final class MarketRegistry {

    private final Map<String, Enterprise> enterprises = new ConcurrentHashMap<>();

    public MarketRegistry(List<Enterprise> seed) {
        seed.forEach(e -> enterprises.put(e.creditCode(), e));
    }

    public Optional<Enterprise> find(String creditCode) {
        return Optional.ofNullable(enterprises.get(creditCode));
    }

    void update(String creditCode, UnaryOperator<Enterprise> change) {
        enterprises.computeIfPresent(creditCode, (code, current) -> change.apply(current));
    }
}
