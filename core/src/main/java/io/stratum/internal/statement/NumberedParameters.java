package io.stratum.internal.statement;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * A family of named parameters of one type, {@code name1}, {@code name2}, ...: the bind values of a list whose
 * length a rendered statement's variant fixes (the ids of {@code id IN (...)}, a column of a multi-row INSERT).
 */
public final class NumberedParameters<T> {
    private final String name;
    private final DataType<T> type;
    /** The names of the parameters of the variants kept rendered, built once: a call binds by name. */
    private final String[] names = new String[RenderedStatements.CACHED];

    public NumberedParameters(String name, DataType<T> type) {
        this.name = name;
        this.type = type;
        for (int i = 0; i < names.length; i++) {
            names[i] = name + (i + 1);
        }
    }

    /** Parameter number {@code index}, from 1. */
    public Param<T> get(int index) {
        return DSL.param(name + index, type);
    }

    /** Parameters 1 to {@code size}, for a template. */
    public List<Param<T>> first(int size) {
        List<Param<T>> params = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            params.add(get(i));
        }
        return params;
    }

    String name(int index) {
        return index <= names.length ? names[index - 1] : name + index;
    }
}
