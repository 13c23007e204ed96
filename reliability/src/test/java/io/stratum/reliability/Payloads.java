package io.stratum.reliability;

import java.util.List;

/** SQL injection payloads for SQLite and PostgreSQL, plus LIKE and JSON metacharacters. */
final class Payloads {
    static final List<String> INJECTION = List.of(
            "'",
            "''",
            "\"",
            "' OR '1'='1",
            "\" OR \"1\"=\"1",
            "' OR 1=1 --",
            "x'; DROP TABLE tasks; --",
            "x\"; DROP TABLE memory_entries; --",
            "Robert'); DROP TABLE sessions;--",
            "1); DELETE FROM audit_log; --",
            "') UNION SELECT name, sql FROM sqlite_master --",
            "' UNION SELECT usename, passwd FROM pg_shadow --",
            "$$; DROP TABLE agents; $$",
            "$tag$ x $tag$",
            "';PRAGMA writable_schema=1;--",
            "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
            "'; COPY tasks TO PROGRAM 'id'; --",
            "'; SELECT pg_sleep(5); --",
            "/* comment */ SELECT 1",
            "*/ SELECT 1 /*",
            "--",
            ";",
            "\\",
            "\\'",
            "\\\\'; DROP TABLE tasks; --",
            "%",
            "_",
            "%' --",
            "a%b_c!d",
            "!",
            "[abc]",
            "*",
            "{\"a\": 1}",
            "\\u0027",
            "?",
            "$1",
            ":name",
            "E'\\x27'",
            "ʼ OR ʼ1ʼ=ʼ1",
            "＇ OR ＇1＇=＇1",
            "👾'; DROP TABLE tasks; --👾",
            "\n'; DROP TABLE tasks;\n--",
            "\t\r",
            " ");

    private Payloads() {}
}
