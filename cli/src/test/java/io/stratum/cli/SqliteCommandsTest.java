package io.stratum.cli;

/** The command contracts on SQLite files. */
class SqliteCommandsTest extends CommandSuite {
    SqliteCommandsTest() {
        super("sqlite-file");
    }
}
