/** jOOQ classes generated from Stratum's changelog, for typesafe queries on Stratum's tables. */
module io.stratum.codegen {
    requires transitive org.jooq;

    exports io.stratum.codegen.jooq;
    exports io.stratum.codegen.jooq.tables;
    exports io.stratum.codegen.jooq.tables.records;
}
