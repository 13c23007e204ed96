package io.stratum.cli;

/** The command contracts on PostgreSQL, a database of their own per suite. */
class PostgresCommandsTest extends CommandSuite {
    PostgresCommandsTest() {
        super("postgresql");
    }
}
