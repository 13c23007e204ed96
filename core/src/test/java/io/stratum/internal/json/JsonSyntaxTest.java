package io.stratum.internal.json;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "0",
                "-0.5e+10",
                "1.50",
                "\"\"",
                "true",
                "null",
                " { \"a\" : [1, {\"b\": null}] } ",
                "\"\\u00e9\\n\\\"\"",
                "\"\\ud83d\\ude80\"",
                "\"🚀\"",
                "[1E3, 2e-3]"
            })
    void wellFormedDocumentsPass(String text) {
        assertThatCode(() -> Json.of(text)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "{",
                "}",
                "[1,]",
                "{\"a\":}",
                "{a:1}",
                "'x'",
                "01",
                "1.",
                ".5",
                "+1",
                "tru",
                "nul",
                "[1] [2]",
                "\"unterminated",
                "\"bad \\x escape\"",
                "\"\\u12\"",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"\\udc00\"",
                "{\"a\" 1}",
                "[1 2]",
                "NaN",
                "\"tab\tinside\""
            })
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

    /** Pairs of the largest number PostgreSQL's jsonb stores and the smallest it refuses, by each of its limits. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1e131071            | 1e131072",
                "-9.99e131071        | -10e131071",
                "0.1e131072          | 0.1e131073",
                "1e-16383            | 1e-16384",
                "1.5e-16382          | 1.5e-16383",
                "0e-16383            | 0e-16384",
                "0.0e1000000         | 0e-1073741823",
                "0e1073741822        | 0e1073741823",
                "0e+001073741822     | 0e0000000000000000001073741823",
                "1E+131071           | 1E+99999999999999999999"
            })
    void numbersAreLimitedToWhatJsonbStores(String largestAccepted, String smallestRefused) {
        assertThatCode(() -> Json.of("[" + largestAccepted + "]")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Json.of("[" + smallestRefused + "]"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void digitsBeforeAndAfterThePointAreLimitedToWhatJsonbStores() {
        assertThatCode(() -> Json.of("1" + "0".repeat(131071))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Json.of("1" + "0".repeat(131072))).isInstanceOf(InvalidInput.class);
        assertThatCode(() -> Json.of("0." + "0".repeat(16382) + "1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Json.of("0." + "0".repeat(16383) + "1")).isInstanceOf(InvalidInput.class);
        assertThatCode(() -> Json.of("-1." + "0".repeat(16383))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Json.of("-1." + "0".repeat(16384))).isInstanceOf(InvalidInput.class);
        assertThatCode(() -> Json.of("0." + "0".repeat(16384) + "e1")).doesNotThrowAnyException();
        assertThatCode(() -> Json.of("0." + "0".repeat(131071) + "1e131072")).doesNotThrowAnyException();
    }
}
