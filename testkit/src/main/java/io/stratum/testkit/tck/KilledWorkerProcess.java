package io.stratum.testkit.tck;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The worker JVM of {@link ApplicationRowsContract}'s crash test: {@code <jdbc url> <lease millis> <ready file>}.
 * Claims one task, then, inside one transaction, writes its invoice and completes the task, announces that through
 * the ready file and waits, transaction open, to be killed.
 */
public final class KilledWorkerProcess {
    private KilledWorkerProcess() {}

    public static void main(String[] args) throws Exception {
        Path ready = Path.of(args[2]);
        try (Stratum db = Stratum.open(args[0])) {
            Claimed work = db.queue()
                    .claim("doomed-worker", 1, Duration.ofMillis(Long.parseLong(args[1])))
                    .getFirst();
            db.transaction(tx -> {
                InvoiceTable.insert(tx, work.task().id(), 1250);
                tx.queue().complete(work.lease(), Json.of("{\"invoiced\": 1250}"));
                try {
                    Files.writeString(ready, work.task().id().toString());
                    Thread.sleep(Duration.ofMinutes(10));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
