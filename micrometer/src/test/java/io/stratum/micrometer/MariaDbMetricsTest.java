package io.stratum.micrometer;

class MariaDbMetricsTest extends MetricsContract {
    @Override
    String service() {
        return "mariadb";
    }

    @Override
    String backend() {
        return "mariadb";
    }
}
