package io.stratum.session;

import io.stratum.Json;
import io.stratum.internal.values.Text;

/**
 * A session to start. Every field is optional; the constructor validates them and throws
 * {@link io.stratum.InvalidInput} naming the first bad one.
 *
 * @param name a label, at most {@value #NAME_MAX} characters
 * @param metadata anything the application wants to keep with the session
 * @param createdBy who started it, at most {@value #NAME_MAX} characters
 */
public record NewSession(String name, Json metadata, String createdBy) {
    /** Longest name and createdBy, in characters. */
    public static final int NAME_MAX = 200;

    public NewSession {
        Text.optional("name", name, NAME_MAX);
        Text.optional("createdBy", createdBy, NAME_MAX);
    }

    /** A session with just a name (which may be null). */
    public static NewSession named(String name) {
        return new NewSession(name, null, null);
    }

    public NewSession withMetadata(Json value) {
        return new NewSession(name, value, createdBy);
    }

    public NewSession withCreatedBy(String value) {
        return new NewSession(name, metadata, value);
    }
}
