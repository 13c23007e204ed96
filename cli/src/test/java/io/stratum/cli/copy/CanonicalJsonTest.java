package io.stratum.cli.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void equalDocumentsInDifferentSpellingsGetOneText() {
        String canonical = CanonicalJson.of("{\"b\":[1,2],\"a\":{\"y\":true,\"x\":null}}");
        assertThat(CanonicalJson.of("{ \"a\" : { \"x\": null, \"y\": true },\n  \"b\": [ 1, 2 ] }"))
                .isEqualTo(canonical);
        assertThat(canonical).isEqualTo("{\"a\":{\"x\":null,\"y\":true},\"b\":[1,2]}");
    }

    @Test
    void numbersAreWrittenAsTheirDecimalValue() {
        assertThat(CanonicalJson.of("[1e2, 100, 1.50, 1.5, -0, 0.0, 12345678901234567890.0100]"))
                .isEqualTo("[100,100,1.5,1.5,0,0,12345678901234567890.01]");
    }

    @Test
    void escapesAreDecodedAndTheLastOfDuplicateKeysWinsAsInJsonb() {
        assertThat(CanonicalJson.of("{\"k\": \"\\u0041\\n\", \"d\": 1, \"d\": 2}"))
                .isEqualTo("{\"d\":2,\"k\":\"A\\n\"}");
    }

    @Test
    void arraysKeepTheirOrder() {
        assertThat(CanonicalJson.of("[3, 1, 2]")).isNotEqualTo(CanonicalJson.of("[1, 2, 3]"));
    }
}
