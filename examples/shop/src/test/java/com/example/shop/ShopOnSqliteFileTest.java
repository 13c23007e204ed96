package com.example.shop;

import io.stratum.testkit.StratumTest;

@StratumTest(backend = "sqlite-file")
class ShopOnSqliteFileTest extends InvoiceWorkerContract {}
