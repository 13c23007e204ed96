package io.stratum.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures what the extensions registered after this one cost each test: the time from this extension's
 * before-each callback to the test method, plus the time from the test method to this extension's
 * after-each callback (which runs last). Logs a summary per class; asserts nothing.
 */
final class IsolationTimer
        implements BeforeEachCallback,
                BeforeTestExecutionCallback,
                AfterTestExecutionCallback,
                AfterEachCallback,
                AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(IsolationTimer.class);
    private static final Namespace NAMESPACE = Namespace.create(IsolationTimer.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("beforeEach", System.nanoTime());
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("testStart", System.nanoTime());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("testEnd", System.nanoTime());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        long setUp = store.get("testStart", Long.class) - store.get("beforeEach", Long.class);
        long tearDown = System.nanoTime() - store.get("testEnd", Long.class);
        durations(context).add(setUp + tearDown);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<Long> nanos = new ArrayList<>(durations(context));
        if (nanos.isEmpty()) {
            return;
        }
        long first = nanos.get(0);
        long total = nanos.stream().mapToLong(Long::longValue).sum();
        Collections.sort(nanos);
        LOG.info(
                "isolation cost of {} ({} tests): total {} ms, mean {} ms, median {} ms, p95 {} ms, max {} ms,"
                        + " first test (template creation included) {} ms",
                context.getRequiredTestClass().getSimpleName(),
                nanos.size(),
                millis(total),
                millis(total / nanos.size()),
                millis(nanos.get(nanos.size() / 2)),
                millis(nanos.get((int) (nanos.size() * 0.95))),
                millis(nanos.get(nanos.size() - 1)),
                millis(first));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> durations(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (!(classContext.getElement().orElse(null) instanceof Class<?>)) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        "durations", key -> Collections.synchronizedList(new ArrayList<Long>()), List.class);
    }

    private static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
