package io.stratum.bench;

/** Correctness checks on every round: a fast wrong answer must not make it into the table. */
final class Checks {
    private Checks() {}

    static void equal(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", found " + actual);
        }
    }
}
