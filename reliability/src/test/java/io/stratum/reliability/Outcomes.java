package io.stratum.reliability;

import static org.assertj.core.api.Assertions.fail;

import io.stratum.StratumException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Runs one hostile call: its result, or null when Stratum refused it with a typed error. Anything else fails. */
final class Outcomes {
    int accepted;
    int refused;
    private final Map<String, Integer> acceptedBy = new TreeMap<>();
    private final Map<String, Integer> refusedBy = new TreeMap<>();
    private final Map<String, String> lastRefusal = new TreeMap<>();

    <T> T attempt(String what, Supplier<T> call) {
        try {
            T result = call.get();
            accepted++;
            acceptedBy.merge(what, 1, Integer::sum);
            return result;
        } catch (StratumException e) {
            refused++;
            refusedBy.merge(what, 1, Integer::sum);
            lastRefusal.put(what, e.getMessage());
            return null;
        } catch (RuntimeException | Error e) {
            return fail(what + " threw " + e.getClass().getName() + " instead of a StratumException", e);
        }
    }

    int total() {
        return accepted + refused;
    }

    int accepted(String what) {
        return acceptedBy.getOrDefault(what, 0);
    }

    int refused(String what) {
        return refusedBy.getOrDefault(what, 0);
    }

    /** How {@code what} was last refused, for a failure message. */
    String lastRefusal(String what) {
        return lastRefusal.get(what);
    }
}
