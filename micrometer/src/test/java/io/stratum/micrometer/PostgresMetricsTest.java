package io.stratum.micrometer;

class PostgresMetricsTest extends MetricsContract {
    @Override
    String service() {
        return "postgresql";
    }

    @Override
    String backend() {
        return "postgresql";
    }
}
