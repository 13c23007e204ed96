package com.example.shop;

import io.stratum.testkit.StratumTest;

@StratumTest(backend = "sqlite-memory")
class ShopOnSqliteMemoryTest extends InvoiceWorkerContract {}
