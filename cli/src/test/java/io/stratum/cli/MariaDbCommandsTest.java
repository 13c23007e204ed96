package io.stratum.cli;

/** The command contracts on MariaDB, a database of their own per suite. */
class MariaDbCommandsTest extends CommandSuite {
    MariaDbCommandsTest() {
        super("mariadb");
    }
}
