package io.stratum.codegen.binding;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Timestamp columns: native {@code timestamp with time zone} on PostgreSQL and jOOQ's own text on SQLite; on
 * MariaDB, whose {@code DATETIME(6)} has no zone and refuses a literal with an offset, the instant is written and
 * read as the UTC date and time ({@code LocalDateTime}), and read back with offset {@code +00:00}.
 */
public final class PortableTimestampBinding implements Binding<OffsetDateTime, OffsetDateTime> {
    private static final Binding<?, OffsetDateTime> NATIVE = SQLDataType.TIMESTAMPWITHTIMEZONE.getBinding();
    private static final Converter<OffsetDateTime, OffsetDateTime> IDENTITY =
            Converter.ofNullable(OffsetDateTime.class, OffsetDateTime.class, t -> t, t -> t);

    @Override
    public Converter<OffsetDateTime, OffsetDateTime> converter() {
        return IDENTITY;
    }

    @Override
    public void sql(BindingSQLContext<OffsetDateTime> ctx) throws SQLException {
        if (!utcLocal(ctx.dialect())) {
            nativeBinding().sql(ctx);
        } else if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(utc(ctx.value()), SQLDataType.LOCALDATETIME(6)));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<OffsetDateTime> ctx) throws SQLException {
        if (utcLocal(ctx.dialect())) {
            ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
        } else {
            nativeBinding().register(ctx);
        }
    }

    @Override
    public void set(BindingSetStatementContext<OffsetDateTime> ctx) throws SQLException {
        if (!utcLocal(ctx.dialect())) {
            nativeBinding().set(ctx);
        } else if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
        } else {
            ctx.statement().setObject(ctx.index(), utc(ctx.value()));
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<OffsetDateTime> ctx) throws SQLException {
        nativeBinding().set(ctx);
    }

    @Override
    public void get(BindingGetResultSetContext<OffsetDateTime> ctx) throws SQLException {
        if (utcLocal(ctx.dialect())) {
            ctx.value(offset(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class)));
        } else {
            nativeBinding().get(ctx);
        }
    }

    @Override
    public void get(BindingGetStatementContext<OffsetDateTime> ctx) throws SQLException {
        if (utcLocal(ctx.dialect())) {
            ctx.value(offset(ctx.statement().getObject(ctx.index(), LocalDateTime.class)));
        } else {
            nativeBinding().get(ctx);
        }
    }

    @Override
    public void get(BindingGetSQLInputContext<OffsetDateTime> ctx) throws SQLException {
        nativeBinding().get(ctx);
    }

    private static boolean utcLocal(SQLDialect dialect) {
        return dialect.family() == SQLDialect.MARIADB;
    }

    private static LocalDateTime utc(OffsetDateTime value) {
        return value == null
                ? null
                : value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static OffsetDateTime offset(LocalDateTime value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private static Binding<OffsetDateTime, OffsetDateTime> nativeBinding() {
        return (Binding<OffsetDateTime, OffsetDateTime>) NATIVE;
    }
}
