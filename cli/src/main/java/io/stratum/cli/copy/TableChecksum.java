package io.stratum.cli.copy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;

/**
 * SHA-256 over every row of a table read in primary-key order, with each value normalised so that the same data
 * gives the same checksum on every backend: timestamps as UTC instants, JSON in {@link CanonicalJson} form,
 * decimals without trailing zeros. Each value is length-prefixed, so no two different rows hash alike by
 * running into each other.
 */
record TableChecksum(String table, long rows, String sha256) {

    static TableChecksum of(DSLContext dsl, Table<?> table, int pageSize) {
        MessageDigest digest = newDigest();
        long[] rows = {0};
        new KeysetScan(dsl, table, pageSize).forEachPage(page -> {
            for (Record row : page) {
                for (int i = 0; i < row.size(); i++) {
                    update(digest, canonical(row.get(i)));
                }
                rows[0]++;
            }
        });
        return new TableChecksum(table.getName(), rows[0], HexFormat.of().formatHex(digest.digest()));
    }

    /** The value as text that is equal for equal data on every backend; null has a text no value can have. */
    static String canonical(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime time -> time.toInstant().toString();
            case JSONB json -> CanonicalJson.of(json.data());
            case JSON json -> CanonicalJson.of(json.data());
            case BigDecimal decimal -> decimal.stripTrailingZeros().toPlainString();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            default -> value.toString();
        };
    }

    private static void update(MessageDigest digest, String text) {
        if (text == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(
                java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
