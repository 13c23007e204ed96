package io.stratum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonQuoteTest {

    @Test
    void quotesAndEscapesAsJsonbPrintsThem() {
        assertThat(Json.quote("plain")).isEqualTo("\"plain\"");
        assertThat(Json.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Json.quote("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        assertThat(Json.quote("\u0001\u001f")).isEqualTo("\"\\u0001\\u001f\"");
        assertThat(Json.quote("é ☃")).isEqualTo("\"é ☃\"");
    }

    @Test
    void everyQuotedStringButNulIsAValidDocument() {
        for (char c = 1; c < 0x80; c++) {
            assertThat(Json.of(Json.quote("x" + c + "y")).text()).startsWith("\"x");
        }
        assertThatThrownBy(() -> Json.of(Json.quote("\0"))).isInstanceOf(InvalidInput.class);
    }
}
