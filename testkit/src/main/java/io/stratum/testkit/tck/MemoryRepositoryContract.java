package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.PageRequest;
import io.stratum.StaleVersion;
import io.stratum.memory.MemoryEntry;
import io.stratum.memory.MemoryWrite;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Versioned, namespaced memory, identical on every backend. */
public abstract class MemoryRepositoryContract extends ContractSupport {
    private static final String NS = "task:42:technical_specs";

    private static Json json(String text) {
        return Json.of(text);
    }

    @Test
    void everyPutAddsAVersionAndKeepsHistory() {
        OffsetDateTime first = StoredTime.now(clock);
        MemoryEntry v1 = db.memory()
                .put(MemoryWrite.of(NS, "architecture", json("{\"style\": \"layers\"}"))
                        .by("planner"));
        clock.advance(Duration.ofSeconds(1));
        MemoryEntry v2 = db.memory()
                .put(MemoryWrite.of(NS, "architecture", json("{\"style\": \"hexagonal\"}"))
                        .by("architect"));
        clock.advance(Duration.ofSeconds(1));
        MemoryEntry v3 = db.memory().put(NS, "architecture", json("[1, 2, 3]"));

        assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1L, 2L, 3L);
        MemoryEntry latest = db.memory().get(NS, "architecture").orElseThrow();
        assertThat(latest).isEqualTo(v3);
        assertThat(latest.value()).isEqualTo(json("[1, 2, 3]"));
        assertThat(latest.createdBy()).isEqualTo("planner");
        assertThat(latest.createdAt()).isEqualTo(first);
        assertThat(latest.updatedBy()).isNull();
        assertThat(latest.updatedAt()).isEqualTo(StoredTime.now(clock));
        assertThat(latest.isDeleted()).isFalse();
        assertThat(db.memory().getVersion(NS, "architecture", 2)).contains(v2);
        assertThat(db.memory().getVersion(NS, "architecture", 2).orElseThrow().updatedBy())
                .isEqualTo("architect");
        assertThat(db.memory().getVersion(NS, "architecture", 4)).isEmpty();
        assertThat(db.memory()
                        .history(NS, "architecture", PageRequest.first(10))
                        .items())
                .containsExactly(v1, v2, v3);
        assertThat(Pages.nth(page -> db.memory().history(NS, "architecture", page), 1, 1))
                .containsExactly(v2);
        assertThat(db.memory().get(NS, "missing")).isEmpty();
        assertThat(db.memory().get("other", "architecture")).isEmpty();
    }

    @Test
    void compareAndSetWritesOnlyOverTheExpectedVersion() {
        MemoryWrite write = MemoryWrite.of(NS, "plan", json("{\"step\": 1}"));
        assertThat(db.memory().put(write.expectingVersion(0)).version()).isEqualTo(1);

        assertThatThrownBy(() -> db.memory().put(write.expectingVersion(0)))
                .isInstanceOfSatisfying(StaleVersion.class, e -> {
                    assertThat(e.entity()).isEqualTo("memory");
                    assertThat(e.id()).isEqualTo(NS + "#plan");
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.actualVersion()).isEqualTo(1);
                });
        assertThat(db.memory().put(write.expectingVersion(1)).version()).isEqualTo(2);
        assertThatThrownBy(() -> db.memory().put(write.expectingVersion(1)))
                .isInstanceOfSatisfying(
                        StaleVersion.class, e -> assertThat(e.actualVersion()).isEqualTo(2));
        assertThatThrownBy(() -> db.memory().put(write.expectingVersion(7))).isInstanceOf(StaleVersion.class);
        assertThat(db.memory().history(NS, "plan", PageRequest.first(10)).items())
                .hasSize(2);
    }

    @Test
    void expiredEntriesAreInvisibleButKeptInHistory() {
        OffsetDateTime inAnHour = StoredTime.now(clock).plusHours(1);
        db.memory().put(MemoryWrite.of(NS, "lease", json("\"token\"")).expiringAt(inAnHour));
        db.memory().put(NS, "forever", json("true"));
        assertThat(db.memory().get(NS, "lease").orElseThrow().expiresAt()).isEqualTo(inAnHour);

        clock.advance(Duration.ofHours(2));

        assertThat(db.memory().get(NS, "lease")).isEmpty();
        assertThat(db.memory().list(NS, "", PageRequest.first(10)).items())
                .extracting(MemoryEntry::key)
                .containsExactly("forever");
        assertThat(db.memory().search(NS, "token", 10)).isEmpty();
        assertThat(db.memory().history(NS, "lease", PageRequest.first(10)).items())
                .hasSize(1);
        MemoryEntry renewed =
                db.memory().put(MemoryWrite.of(NS, "lease", json("\"new\"")).expectingVersion(0));
        assertThat(renewed.version()).isEqualTo(2);
        assertThat(renewed.createdAt()).isEqualTo(StoredTime.now(clock));
        assertThat(db.memory().get(NS, "lease")).contains(renewed);
        assertThatThrownBy(
                        () -> db.memory().put(MemoryWrite.of(NS, "x", json("1")).expiringAt(StoredTime.now(clock))))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
    }

    @Test
    void deleteIsSoftAndAddsAVersion() {
        db.memory().put(NS, "draft", json("{\"v\": 1}"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(db.memory().delete(NS, "draft", "reviewer")).isTrue();

        assertThat(db.memory().get(NS, "draft")).isEmpty();
        MemoryEntry tombstone = db.memory().getVersion(NS, "draft", 2).orElseThrow();
        assertThat(tombstone.isDeleted()).isTrue();
        assertThat(tombstone.deletedAt()).isEqualTo(StoredTime.now(clock));
        assertThat(tombstone.value()).isEqualTo(json("null"));
        assertThat(tombstone.updatedBy()).isEqualTo("reviewer");
        assertThat(db.memory().delete(NS, "draft", null)).isFalse();
        assertThat(db.memory().delete(NS, "never-written", null)).isFalse();
        assertThat(db.memory().history(NS, "draft", PageRequest.first(10)).items())
                .hasSize(2);

        MemoryEntry again =
                db.memory().put(MemoryWrite.of(NS, "draft", json("{\"v\": 3}")).expectingVersion(0));
        assertThat(again.version()).isEqualTo(3);
        assertThat(db.memory().get(NS, "draft")).contains(again);
    }

    @Test
    void listByPrefixTakesThePrefixLiterallyAndPagesByKey() {
        for (String key : List.of("a/3", "a/1", "a/5", "a/2", "a/4", "b/1", "a%x", "a_y", "A/1", "ab")) {
            db.memory().put(NS, key, json("\"" + key + "\""));
        }
        db.memory().put("elsewhere", "a/0", json("0"));
        db.memory().put(NS, "a/6", json("6"));
        db.memory().delete(NS, "a/6", null);

        assertThat(Pages.pages(page -> db.memory().list(NS, "a/", page), 2))
                .map(p -> p.stream().map(MemoryEntry::key).toList())
                .containsExactly(List.of("a/1", "a/2"), List.of("a/3", "a/4"), List.of("a/5"));
        assertThat(keys("a%", 10)).containsExactly("a%x");
        assertThat(keys("a_", 10)).containsExactly("a_y");
        assertThat(keys("A", 10)).containsExactly("A/1");
        assertThat(keys("b/1", 10)).containsExactly("b/1");
        assertThat(Pages.all(page -> db.memory().list(NS, "", page), 3))
                .hasSize(10)
                .extracting(MemoryEntry::key)
                .isSorted()
                .last()
                .isEqualTo("b/1");
        assertThat(db.memory().list(NS, "", PageRequest.first(100)).items()).hasSize(10);
        assertThat(db.memory()
                        .list(NS, "a/", PageRequest.first(1))
                        .items()
                        .getFirst()
                        .value())
                .isEqualTo(json("\"a/1\""));
    }

    private List<String> keys(String prefix, int limit) {
        return db.memory().list(NS, prefix, PageRequest.first(limit)).items().stream()
                .map(MemoryEntry::key)
                .toList();
    }

    @Test
    void searchMatchesKeysAndCurrentValuesLiterallyIgnoringCase() {
        db.memory().put(NS, "architecture", json("{\"style\": \"Hexagonal\"}"));
        db.memory().put(NS, "notes", json("{\"text\": \"100% done_now\"}"));
        db.memory().put("project:x", "style-guide", json("\"hexagonal too\""));
        db.memory().put(NS, "queen", json("1")); // "e_n" and "%" would match it as wildcards
        db.memory().put(NS, "history", json("\"oldword\""));
        db.memory().put(NS, "history", json("\"newword\""));

        assertThat(search(NS, "HEXAGONAL")).containsExactly("architecture");
        assertThat(search(null, "hexagonal")).containsExactly("style-guide", "architecture");
        assertThat(search(null, "STYLE")).containsExactly("style-guide", "architecture");
        assertThat(search(NS, "100%")).containsExactly("notes");
        assertThat(search(NS, "%")).containsExactly("notes");
        assertThat(search(NS, "e_n")).containsExactly("notes");
        assertThat(search(NS, "oldword")).isEmpty();
        assertThat(search(NS, "newword")).containsExactly("history");
    }

    private List<String> search(String namespace, String text) {
        return db.memory().search(namespace, text, 10).stream()
                .map(MemoryEntry::key)
                .toList();
    }

    @Test
    void namespacesAndKeysAreValidatedBeforeAnythingIsWritten() {
        Json v = json("1");
        assertInvalid("namespace", () -> db.memory().put("", "k", v));
        assertInvalid("namespace", () -> db.memory().put("has space", "k", v));
        assertInvalid("namespace", () -> db.memory().put("a#b", "k", v));
        assertInvalid("namespace", () -> db.memory().put("ü", "k", v));
        assertInvalid("namespace", () -> db.memory().put("n".repeat(129), "k", v));
        assertInvalid("key", () -> db.memory().put(NS, null, v));
        assertInvalid("key", () -> db.memory().put(NS, "two words", v));
        assertInvalid("key", () -> db.memory().put(NS, "tab\t", v));
        assertInvalid("key", () -> db.memory().put(NS, "ключ", v));
        assertInvalid("key", () -> db.memory().put(NS, "k".repeat(257), v));
        assertInvalid("value", () -> db.memory().put(NS, "k", null));
        assertInvalid("expectedVersion", () -> MemoryWrite.of(NS, "k", v).expectingVersion(-1));
        assertInvalid("actor", () -> MemoryWrite.of(NS, "k", v).by("a".repeat(201)));
        assertInvalid("prefix", () -> db.memory().list(NS, null, PageRequest.first(10)));
        assertInvalid("prefix", () -> db.memory().list(NS, "a b", PageRequest.first(10)));
        assertInvalid("limit", () -> db.memory().list(NS, "", PageRequest.first(0)));
        assertInvalid("text", () -> db.memory().search(NS, "", 10));
        assertInvalid("namespace", () -> db.memory().get("bad ns", "k"));
        assertInvalid("key", () -> db.memory().delete(NS, "bad key", null));

        assertThat(db.memory().put(NS, "k".repeat(256), v).key()).hasSize(256);
        assertThat(db.memory()
                        .put("n".repeat(128), "!\"$%&'()*+,-./:;<=>?@[\\]^_`{|}~", v)
                        .version())
                .isEqualTo(1);
        assertThat(db.dsl().fetchCount(io.stratum.codegen.jooq.Tables.MEMORY_ENTRIES))
                .isEqualTo(2);
    }

    private static void assertInvalid(String field, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void cursorsPageThroughEveryKeyAndVersion() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            keys.add("k/" + i);
            db.memory().put(NS, "k/" + i, json(Integer.toString(i)));
            db.memory().put(NS, "hist", json(Integer.toString(i)));
        }
        for (int size : new int[] {1, 3, 7, 10}) {
            assertThat(Pages.all(page -> db.memory().list(NS, "k/", page), size))
                    .extracting(MemoryEntry::key)
                    .containsExactlyElementsOf(keys);
            assertThat(Pages.all(page -> db.memory().history(NS, "hist", page), size))
                    .extracting(MemoryEntry::version)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
    }

    @Test
    void aCursorThatListDidNotHandOutIsInvalidInput() {
        db.memory().put(NS, "k", json("1"));
        Pages.assertBadCursor(() -> db.memory().list(NS, "", PageRequest.after("not a cursor", 10)));
        Pages.assertBadCursor(() -> db.memory().history(NS, "k", PageRequest.after("not a cursor", 10)));
        Pages.assertBadCursor(() -> db.memory().history(NS, "k", PageRequest.after("eA", 10)));
    }
}
