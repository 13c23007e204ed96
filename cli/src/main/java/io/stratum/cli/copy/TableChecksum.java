package io.stratum.cli.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
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
 * Checksum of every row of a table, with each value normalised so that the same data gives the same checksum on
 * every backend: timestamps as UTC instants, JSON in {@link CanonicalJson} form, decimals without trailing zeros.
 * Each value is length-prefixed, so no two different rows hash alike by running into each other.
 *
 * <p>Each row gets a SHA-256 of its own and the table's checksum is the SHA-256 of their sum (modulo 2^256), so
 * it does not depend on the order the rows are read in: backends sort the same keys differently (MariaDB's
 * {@code UUID} type puts a time-based UUID's node and clock sequence first, PostgreSQL and SQLite do not). A
 * table without rows has the SHA-256 of no bytes.
 */
record TableChecksum(String table, long rows, String sha256) {
    private static final int DIGEST_BYTES = 32;
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(8 * DIGEST_BYTES);

    static TableChecksum of(DSLContext dsl, Table<?> table, int pageSize) {
        MessageDigest rowDigest = newDigest();
        long[] rows = {0};
        BigInteger[] sum = {BigInteger.ZERO};
        new KeysetScan(dsl, table, pageSize).forEachPage(page -> {
            for (Record row : page) {
                for (int i = 0; i < row.size(); i++) {
                    update(rowDigest, canonical(row.get(i)));
                }
                sum[0] = sum[0].add(new BigInteger(1, rowDigest.digest())).mod(MODULUS);
                rows[0]++;
            }
        });
        MessageDigest tableDigest = newDigest();
        if (rows[0] > 0) {
            tableDigest.update(fixedWidth(sum[0]));
        }
        return new TableChecksum(table.getName(), rows[0], HexFormat.of().formatHex(tableDigest.digest()));
    }

    /** {@code value} (below 2^256) as 32 big-endian bytes. */
    private static byte[] fixedWidth(BigInteger value) {
        byte[] minimal = value.toByteArray();
        byte[] bytes = new byte[DIGEST_BYTES];
        int length = Math.min(minimal.length, DIGEST_BYTES);
        System.arraycopy(minimal, minimal.length - length, bytes, DIGEST_BYTES - length, length);
        return bytes;
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
