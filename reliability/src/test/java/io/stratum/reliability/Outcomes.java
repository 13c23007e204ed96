package io.stratum.reliability;

import static org.assertj.core.api.Assertions.fail;

import io.stratum.StratumException;
import java.util.function.Supplier;

/** Runs one hostile call: its result, or null when Stratum refused it with a typed error. Anything else fails. */
final class Outcomes {
    int accepted;
    int refused;

    <T> T attempt(String what, Supplier<T> call) {
        try {
            T result = call.get();
            accepted++;
            return result;
        } catch (StratumException e) {
            refused++;
            return null;
        } catch (RuntimeException | Error e) {
            return fail(what + " threw " + e.getClass().getName() + " instead of a StratumException", e);
        }
    }

    int total() {
        return accepted + refused;
    }
}
