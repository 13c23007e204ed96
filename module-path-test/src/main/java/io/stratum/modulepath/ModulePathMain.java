package io.stratum.modulepath;

import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskStatus;
import io.stratum.testkit.StratumExtension;
import java.time.Duration;
import java.util.List;

/**
 * Runs one task through a SQLite store, then prints what the module system says about the packages of Stratum and
 * of its testkit.
 * {@code ModulePathTest} launches it with a module path and checks what it prints.
 */
public final class ModulePathMain {
    private ModulePathMain() {}

    public static void main(String[] args) {
        try (Stratum db = Stratum.open("jdbc:sqlite:" + args[0])) {
            db.migrate();
            db.tasks()
                    .submit(NewTask.builder("run on the module path", "checker").build());
            List<Claimed> claimed = db.queue().claim("module-path", 1, Duration.ofMinutes(1));
            db.queue().complete(claimed.get(0).lease(), Json.of("{\"ok\": true}"));
            TaskStatus status = db.tasks().require(claimed.get(0).task().id()).status();
            Module core = Stratum.class.getModule();
            System.out.println("backend=" + db.backendName());
            System.out.println("status=" + status);
            System.out.println("core module=" + core.getName());
            System.out.println("api exported=" + core.isExported("io.stratum.queue"));
            System.out.println("internal exported=" + core.isExported("io.stratum.internal.tx"));
            Module testkit = StratumExtension.class.getModule();
            System.out.println("testkit module=" + testkit.getName());
            System.out.println("testkit tck exported=" + testkit.isExported("io.stratum.testkit.tck"));
            System.out.println("testkit internal exported=" + testkit.isExported("io.stratum.testkit.internal"));
        }
    }
}
