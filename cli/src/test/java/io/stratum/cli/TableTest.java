package io.stratum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
    private static String print(Table table) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void columnsAlignWithoutTrailingBlanks() {
        Table table = Table.withHeaders("NAME", "COUNT", "NOTE")
                .alignRight(1)
                .row("tasks", 20000, "most")
                .row("audit_log", 7, null);
        assertThat(print(table)).isEqualTo("""
                NAME       COUNT  NOTE
                tasks      20000  most
                audit_log      7  -
                """);
    }

    @Test
    void keyValueTablesHaveNoHeading() {
        assertThat(print(Table.keyValue().row("id", 1).row("summary", "plan"))).isEqualTo("""
                id       1
                summary  plan
                """);
    }
}
