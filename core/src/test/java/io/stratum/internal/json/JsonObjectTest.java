package io.stratum.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratum.Json;
import org.junit.jupiter.api.Test;

class JsonObjectTest {
    @Test
    void membersFollowJsonbOrderAndStringsAreEscaped() {
        String text = new JsonObject()
                .number("version", 3)
                .string("status", "say \"hi\"\\\n\u0001")
                .json("value", "[1, {\"a\": null}]")
                .string("actor", null)
                .text();

        assertThat(text)
                .isEqualTo(
                        "{\"actor\": null, \"value\": [1, {\"a\": null}], \"status\": \"say \\\"hi\\\"\\\\\\n\\u0001\", \"version\": 3}");
        assertThat(Json.of(text).text()).isEqualTo(text);
        assertThat(new JsonObject().text()).isEqualTo("{}");
    }
}
