package com.example.shop;

import io.stratum.testkit.StratumTest;

@StratumTest(backend = "postgresql")
class ShopOnPostgresTest extends InvoiceWorkerContract {}
