package io.stratum.bench;

import java.time.Duration;
import java.util.List;

/**
 * How much work each workload does. {@link #FULL} is the run to quote; {@link #QUICK}
 * checks that everything runs, in a couple of minutes, and its numbers are only indicative; {@link #SMOKE}
 * is the test suite's correctness run and measures nothing worth reading.
 */
record Sizes(
        String name,
        int warmups,
        Duration warmupTime,
        int rounds,
        int enqueueThreads,
        int enqueueOnePerRound,
        int enqueueBatchPerRound,
        int batchSize,
        List<Integer> claimWorkers,
        int claimBatch,
        int claimOnePerRound,
        int claimBatchPerRound,
        int dagWidth,
        int dagDepth,
        int dagWorkers,
        List<Integer> scaleTasks,
        int scaleCalls,
        int bulkTasks,
        int peerTasks,
        int peerThreads,
        Duration peerTimeout,
        int wakeUpTasks) {

    static final Sizes FULL = new Sizes(
            "full",
            1,
            Duration.ofSeconds(5),
            5,
            4,
            2_000,
            40_000,
            1_000,
            List.of(1, 4, 8),
            16,
            2_000,
            8_000,
            500,
            6,
            4,
            List.of(10_000, 100_000, 1_000_000),
            1_000,
            1_000_000,
            10_000,
            8,
            Duration.ofMinutes(5),
            100);

    static final Sizes QUICK = new Sizes(
            "quick",
            1,
            Duration.ofSeconds(2),
            2,
            4,
            400,
            8_000,
            1_000,
            List.of(1, 4, 8),
            16,
            400,
            1_600,
            50,
            6,
            4,
            List.of(1_000, 10_000),
            100,
            20_000,
            1_000,
            8,
            Duration.ofMinutes(2),
            25);

    static final Sizes SMOKE = new Sizes(
            "smoke",
            0,
            Duration.ZERO,
            1,
            2,
            20,
            2_000,
            1_000,
            List.of(2),
            4,
            40,
            40,
            4,
            6,
            2,
            List.of(100),
            10,
            2_000,
            50,
            2,
            Duration.ofMinutes(1),
            3);

    Rounds roundsPlan() {
        return new Rounds(warmups, warmupTime, rounds);
    }

    int dagTasks() {
        return dagWidth * dagDepth;
    }
}
