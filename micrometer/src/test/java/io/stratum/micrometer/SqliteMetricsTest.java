package io.stratum.micrometer;

class SqliteMetricsTest extends MetricsContract {
    @Override
    String service() {
        return "sqlite-file";
    }

    @Override
    String backend() {
        return "sqlite";
    }
}
