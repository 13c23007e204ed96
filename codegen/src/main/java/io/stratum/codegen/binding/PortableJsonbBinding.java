package io.stratum.codegen.binding;

import java.sql.SQLException;
import java.sql.Types;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * JSON columns: native {@code jsonb} on PostgreSQL, plain TEXT on SQLite. jOOQ's own SQLite binding stores
 * SQLite's binary JSONB and reads it back minified; Stratum keeps the document's text exactly as written
 * there, so it stays readable with the sqlite3 shell and searchable with LIKE.
 */
public final class PortableJsonbBinding implements Binding<JSONB, JSONB> {
    private static final Binding<?, JSONB> NATIVE = SQLDataType.JSONB.getBinding();
    private static final Converter<JSONB, JSONB> IDENTITY =
            Converter.ofNullable(JSONB.class, JSONB.class, j -> j, j -> j);

    @Override
    public Converter<JSONB, JSONB> converter() {
        return IDENTITY;
    }

    @Override
    public void sql(BindingSQLContext<JSONB> ctx) throws SQLException {
        if (!asText(ctx.dialect())) {
            nativeBinding().sql(ctx);
        } else if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render()
                    .visit(DSL.inline(ctx.value() == null ? null : ctx.value().data()));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<JSONB> ctx) throws SQLException {
        if (asText(ctx.dialect())) {
            ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
        } else {
            nativeBinding().register(ctx);
        }
    }

    @Override
    public void set(BindingSetStatementContext<JSONB> ctx) throws SQLException {
        if (!asText(ctx.dialect())) {
            nativeBinding().set(ctx);
        } else if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), ctx.value().data());
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<JSONB> ctx) throws SQLException {
        nativeBinding().set(ctx);
    }

    @Override
    public void get(BindingGetResultSetContext<JSONB> ctx) throws SQLException {
        if (asText(ctx.dialect())) {
            String text = ctx.resultSet().getString(ctx.index());
            ctx.value(text == null ? null : JSONB.valueOf(text));
        } else {
            nativeBinding().get(ctx);
        }
    }

    @Override
    public void get(BindingGetStatementContext<JSONB> ctx) throws SQLException {
        if (asText(ctx.dialect())) {
            String text = ctx.statement().getString(ctx.index());
            ctx.value(text == null ? null : JSONB.valueOf(text));
        } else {
            nativeBinding().get(ctx);
        }
    }

    @Override
    public void get(BindingGetSQLInputContext<JSONB> ctx) throws SQLException {
        nativeBinding().get(ctx);
    }

    private static boolean asText(SQLDialect dialect) {
        return dialect.family() == SQLDialect.SQLITE;
    }

    @SuppressWarnings("unchecked")
    private static Binding<JSONB, JSONB> nativeBinding() {
        return (Binding<JSONB, JSONB>) NATIVE;
    }
}
