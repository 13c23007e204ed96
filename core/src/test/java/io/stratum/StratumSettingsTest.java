package io.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.task.NewTask;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** {@link StratumSettings}: checked as a whole when built, immutable once built, and what a store opens with. */
class StratumSettingsTest {
    private static final DataSource DATA_SOURCE = new SQLiteDataSource();

    @Test
    void needsAUrlOrADataSource() {
        assertThatThrownBy(() -> Stratum.builder().build())
                .isInstanceOf(InvalidInput.class)
                .hasMessage("url: give either a JDBC URL or a DataSource with its dialect, not neither");
    }

    @Test
    void refusesAPasswordInUserInfoFormWithoutSayingIt() {
        for (String url : new String[] {
            "jdbc:mariadb://root:s3cret@127.0.0.1:3306/test?sslMode=disable",
            "jdbc:postgresql://u:s3cret@h/db",
            "jdbc:mariadb://root:s3@cr/et@h/db"
        }) {
            assertThatThrownBy(() -> Stratum.builder().url(url).build())
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("url: ")
                    .hasMessageContaining("user-info")
                    .hasMessageContaining(":***@")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3"));
        }
    }

    @Test
    void refusesBothAUrlAndADataSource() {
        assertThatThrownBy(() -> Stratum.builder()
                        .url("jdbc:sqlite::memory:")
                        .dataSource(DATA_SOURCE, SQLDialect.SQLITE)
                        .build())
                .isInstanceOf(InvalidInput.class)
                .hasMessage("url: give either a JDBC URL or a DataSource with its dialect, not both");
    }

    @Test
    void aDataSourceNeedsItsDialect() {
        assertThatThrownBy(() -> Stratum.builder().dataSource(DATA_SOURCE, null).build())
                .isInstanceOf(InvalidInput.class)
                .hasMessage("dialect: is required");
    }

    @Test
    void refusesAnActorThatIsTooLong() {
        assertThatThrownBy(() -> Stratum.builder()
                        .url("jdbc:sqlite::memory:")
                        .actor("a".repeat(201))
                        .build())
                .isInstanceOf(InvalidInput.class)
                .hasMessage("actor: is 201 characters long, the limit is 200");
    }

    @Test
    void refusesABlankDriverPropertyName() {
        assertThatThrownBy(() -> Stratum.builder()
                        .url("jdbc:sqlite::memory:")
                        .driverProperty(" ", "x")
                        .build())
                .isInstanceOf(InvalidInput.class)
                .hasMessage("driverProperty: name is required");
    }

    @Test
    void laterChangesToTheBuilderDoNotReachBuiltSettings() {
        ExecuteListener listener = new ExecuteListener() {};
        Stratum.Builder builder = Stratum.builder()
                .url("jdbc:sqlite::memory:")
                .driverProperty("a", "1")
                .executeListener(listener)
                .actor("first");
        StratumSettings settings = builder.build();
        builder.url("jdbc:sqlite:other.db")
                .driverProperty("b", "2")
                .executeListener(listener)
                .actor("second");

        assertThat(settings.url()).contains("jdbc:sqlite::memory:");
        assertThat(settings.driverProperties()).containsExactly(java.util.Map.entry("a", "1"));
        assertThat(settings.executeListeners()).containsExactly(listener);
        assertThat(settings.actor()).contains("first");
        assertThatThrownBy(() -> settings.driverProperties().put("c", "3"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.executeListeners().add(listener))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anExecuteListenerSeesTheStatementsOfTheStore(@TempDir Path dir) {
        List<String> statements = new CopyOnWriteArrayList<>();
        StratumSettings settings = Stratum.builder()
                .url("jdbc:sqlite:" + dir.resolve("listened.db"))
                .executeListener(new ExecuteListener() {
                    @Override
                    public void executeStart(ExecuteContext ctx) {
                        statements.add(ctx.sql());
                    }
                })
                .build();
        try (Stratum db = Stratum.open(settings)) {
            db.migrate();
            db.tasks().getReadyTasks(10);
        }
        assertThat(statements).anyMatch(sql -> sql.startsWith("select") && sql.contains("`tasks`"));
    }

    @Test
    void anExecuteListenerSeesTheUpdateCountOfARenderedWrite(@TempDir Path dir) {
        List<String> inserts = new CopyOnWriteArrayList<>();
        StratumSettings settings = Stratum.builder()
                .url("jdbc:sqlite:" + dir.resolve("counted.db"))
                .audit(false)
                .executeListener(new ExecuteListener() {
                    @Override
                    public void executeEnd(ExecuteContext ctx) {
                        if (ctx.sql().startsWith("insert into `tasks`")) {
                            inserts.add(ctx.type() + " " + ctx.rows());
                        }
                    }
                })
                .build();
        try (Stratum db = Stratum.open(settings)) {
            db.migrate();
            db.tasks().submit(NewTask.builder("counted", "coder").build());
        }
        assertThat(inserts).containsExactly("READ 1");
    }
}
