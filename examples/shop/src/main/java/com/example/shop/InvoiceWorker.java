package com.example.shop;

import static com.example.shop.db.Tables.INVOICES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratum.Json;
import io.stratum.Stratum;
import io.stratum.queue.Claimed;
import io.stratum.task.NewTask;
import io.stratum.task.TaskId;
import java.time.Duration;
import java.util.List;

/**
 * Bills orders: each task of agent type {@value #AGENT_TYPE} carries an order; the worker writes its invoice and
 * completes the task in one transaction, so an invoice exists exactly when its task is completed.
 */
public final class InvoiceWorker {
    public static final String AGENT_TYPE = "invoice";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Stratum db;
    private final String workerId;

    public InvoiceWorker(Stratum db, String workerId) {
        this.db = db;
        this.workerId = workerId;
    }

    /** Submits the billing of an order of {@code customer} over {@code totalCents}. */
    public static TaskId submitOrder(Stratum db, String customer, long totalCents) {
        String order = JSON.createObjectNode()
                .put("customer", customer)
                .put("totalCents", totalCents)
                .toString();
        return db.tasks()
                .submit(NewTask.builder("invoice " + customer, AGENT_TYPE)
                        .inputData(Json.of(order))
                        .build());
    }

    /** Claims up to {@code max} orders and bills each; returns how many it billed. */
    public int billReadyOrders(int max) {
        List<Claimed> claimed = db.queue().claim(workerId, max, Duration.ofMinutes(1));
        for (Claimed work : claimed) {
            bill(work);
        }
        return claimed.size();
    }

    private void bill(Claimed work) {
        JsonNode order = read(work.task().inputData());
        db.transaction(tx -> {
            tx.dsl()
                    .insertInto(INVOICES)
                    .set(INVOICES.TASK_ID, work.task().id().toString())
                    .set(INVOICES.CUSTOMER, order.get("customer").asText())
                    .set(INVOICES.TOTAL_CENTS, order.get("totalCents").asLong())
                    .execute();
            tx.queue().complete(work.lease(), Json.of("{\"invoiced\": true}"));
        });
    }

    private static JsonNode read(Json json) {
        try {
            return JSON.readTree(json.text());
        } catch (Exception e) {
            throw new IllegalArgumentException("not an order: " + json, e);
        }
    }
}
