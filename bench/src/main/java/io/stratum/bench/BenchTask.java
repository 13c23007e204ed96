package io.stratum.bench;

/** The task every system enqueues: a short summary, an agent type, a priority and a small JSON input. */
record BenchTask(String summary, String agentType, int priority, String inputJson) {

    /** The {@code n}-th task of a workload; priorities cycle through 0..10 so the queue has an order to keep. */
    static BenchTask number(long n) {
        return new BenchTask("bench task " + n, "bench", (int) (n % 11), "{\"n\":" + n + "}");
    }
}
