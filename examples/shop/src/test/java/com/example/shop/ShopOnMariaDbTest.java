package com.example.shop;

import io.stratum.testkit.StratumTest;

@StratumTest(backend = "mariadb")
class ShopOnMariaDbTest extends InvoiceWorkerContract {}
