package io.stratum.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "0", "-0.5e+10", "1.50", "\"\"", "true", "null", " { \"a\" : [1, {\"b\": null}] } ",
            "\"\\u00e9\\n\\\"\"", "\"\\ud83d\\ude80\"", "\"🚀\"", "[1E3, 2e-3]"})
    void wellFormedDocumentsPass(String text) {
        assertThatCode(() -> Json.of(text)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":}", "{a:1}", "'x'", "01", "1.", ".5", "+1", "tru", "nul",
            "[1] [2]", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\"",
            "{\"a\" 1}", "[1 2]", "NaN", "\"tab\tinside\""})
    void malformedDocumentsAreInvalidInput(String text) {
        assertThatThrownBy(() -> Json.of(text)).isInstanceOf(InvalidInput.class).hasMessageContaining("JSON");
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(JsonSyntax.MAX_DEPTH + 1) + "]".repeat(JsonSyntax.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.of(deep)).isInstanceOf(InvalidInput.class).hasMessageContaining("nesting");
        String ok = "[".repeat(JsonSyntax.MAX_DEPTH) + "]".repeat(JsonSyntax.MAX_DEPTH);
        assertThatCode(() -> Json.of(ok)).doesNotThrowAnyException();
    }

    @Test
    void rawNulAndLoneSurrogatesAreRefused() {
        assertThatThrownBy(() -> Json.of("\"a\0b\"")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Json.of("\"a\uD800b\"")).isInstanceOf(InvalidInput.class);
    }
}
