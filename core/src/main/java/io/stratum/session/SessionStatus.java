package io.stratum.session;

import io.stratum.internal.values.Enums;
import java.util.Locale;

/** Lifecycle of a session: {@code active} until it is ended, as {@code ended} or {@code failed}; both are final. */
public enum SessionStatus {
    ACTIVE,
    ENDED,
    FAILED;

    /** The value stored in the {@code status} column. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or user-supplied value (case-insensitive); unknown values give {@link io.stratum.InvalidInput}. */
    public static SessionStatus parse(String value) {
        return Enums.parse(SessionStatus.class, "status", value);
    }
}
