package io.stratum.internal.values;

import static io.stratum.codegen.jooq.Tables.TASKS;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Bind values for the statements on the queue's hot paths. jOOQ types a bind value with the not-null (or, for null,
 * the nullable) variant of its column's data type, and for a column declared without either it builds that variant
 * anew for every value, parsing the type name with regular expressions: about a tenth of the CPU a claim and its
 * completion spent in Java. A type with a default (the column's) is rebuilt without it for every value too. These
 * values carry variants built once, and {@link #forValue}/{@link #forNull} build them for other columns.
 */
public final class Binds {
    private static final Variants<OffsetDateTime> TIMESTAMP = new Variants<>(TASKS.STARTED_AT.getDataType());
    private static final Variants<UUID> UUIDS = new Variants<>(TASKS.LEASE_TOKEN.getDataType());
    private static final Variants<String> TEXT = new Variants<>(TASKS.LEASE_OWNER.getDataType());
    private static final Variants<JSONB> JSON = new Variants<>(TASKS.RESULT_DATA.getDataType());

    private Binds() {}

    /** A timestamp (any of Stratum's timestamp columns) as a bind value. */
    public static Field<OffsetDateTime> timestamp(OffsetDateTime value) {
        return TIMESTAMP.val(value);
    }

    /** A UUID (any of Stratum's UUID columns) as a bind value. */
    public static Field<UUID> uuid(UUID value) {
        return UUIDS.val(value);
    }

    /** A text value (any of Stratum's text columns) as a bind value. */
    public static Field<String> text(String value) {
        return TEXT.val(value);
    }

    /** A JSON document (any of Stratum's JSON columns) as a bind value. */
    public static Field<JSONB> json(JSONB value) {
        return JSON.val(value);
    }

    /** The type to give a non-null bind value of a column of type {@code column}: not null, without a default. */
    public static <T> DataType<T> forValue(DataType<T> column) {
        return column.notNull().default_((Field<T>) null);
    }

    /** The type to give a null bind value of a column of type {@code column}: nullable, without a default. */
    public static <T> DataType<T> forNull(DataType<T> column) {
        return column.null_().default_((Field<T>) null);
    }

    /**
     * A value for a column of one of Stratum's tables: timestamps, UUIDs, text and JSON as the methods above make
     * them (every column of such a Java type has the same binding), anything else as it is.
     */
    public static Object of(Object value) {
        return switch (value) {
            case OffsetDateTime t -> timestamp(t);
            case UUID u -> uuid(u);
            case String s -> text(s);
            case JSONB j -> json(j);
            case null, default -> value;
        };
    }

    private record Variants<T>(DataType<T> notNull, DataType<T> nullable) {
        Variants(DataType<T> type) {
            this(forValue(type), forNull(type));
        }

        Field<T> val(T value) {
            return DSL.val(value, value == null ? nullable : notNull);
        }
    }
}
