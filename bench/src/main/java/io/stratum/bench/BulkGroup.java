package io.stratum.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Workload 7: enqueueing a million tasks in batches must fit a small heap. Runs {@link BulkEnqueue} in a
 * forked JVM with {@code -Xmx256m} on a fresh database and reports its throughput and old-generation peak.
 */
final class BulkGroup {
    static final String HEAP = "-Xmx256m";

    private BulkGroup() {}

    static String workload(Sizes sizes) {
        return "7 enqueue " + ScaleGroup.count(sizes.bulkTasks()) + " in batches, " + HEAP;
    }

    static void run(Bench bench, BackendKind kind) throws Exception {
        Sizes sizes = bench.sizes();
        String workload = workload(sizes);
        Rounds.Outcome outcome;
        String note = null;
        try (ScratchDatabase database = bench.migratedDatabase(kind)) {
            String[] result = fork(database.url(), sizes.bulkTasks(), sizes.batchSize());
            if (result.length == 1) {
                outcome = Rounds.Outcome.failed(result[0]);
            } else {
                long tasks = Long.parseLong(result[0]);
                long nanos = Long.parseLong(result[1]);
                long oldPeakMiB = Long.parseLong(result[2]) >> 20;
                Histogram latencies = Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(result[3])), 0);
                outcome = Rounds.Outcome.measured(Measurement.of(List.of(new RoundResult(tasks, nanos, latencies))));
                note = String.format(
                        Locale.ROOT,
                        "1 run in a forked %s JVM; old-gen peak %d MiB; latency per %d-task" + " submitAll",
                        HEAP,
                        oldPeakMiB,
                        sizes.batchSize());
                bench.report()
                        .target(Target.atMost(
                                kind.label() + ": enqueue " + ScaleGroup.count(sizes.bulkTasks()) + " in " + HEAP
                                        + ", old-gen peak",
                                oldPeakMiB,
                                256,
                                " MiB"));
            }
        }
        bench.report().add(Row.of(workload, kind, "stratum", outcome, note));
    }

    /** The child's result fields, or a single element saying why there are none. */
    private static String[] fork(String url, int tasks, int batchSize) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        HEAP,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BulkEnqueue.class.getName(),
                        url,
                        Integer.toString(tasks),
                        Integer.toString(batchSize))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(BulkEnqueue.RESULT)) {
                    result = line.substring(BulkEnqueue.RESULT.length());
                }
            }
        }
        if (!process.waitFor(1, TimeUnit.HOURS)) {
            process.destroyForcibly();
            return new String[] {"forked JVM did not finish within an hour"};
        }
        if (process.exitValue() != 0 || result == null) {
            return new String[] {"forked JVM exited with " + process.exitValue() + " (see its output above)"};
        }
        return result.split(" ");
    }
}
