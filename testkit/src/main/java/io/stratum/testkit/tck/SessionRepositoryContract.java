package io.stratum.testkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratum.IllegalTransition;
import io.stratum.InvalidInput;
import io.stratum.Json;
import io.stratum.NotFound;
import io.stratum.PageRequest;
import io.stratum.session.NewSession;
import io.stratum.session.Session;
import io.stratum.session.SessionEvent;
import io.stratum.session.SessionFilters;
import io.stratum.session.SessionId;
import io.stratum.session.SessionStatus;
import io.stratum.task.NewTask;
import io.stratum.task.TaskFilters;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sessions and their append-only event logs, identical on every backend. */
public abstract class SessionRepositoryContract extends ContractSupport {

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }

    @Test
    void createGetAndEnd() {
        Json metadata = Json.of("{\"depth\": 2, \"branch\": \"feature/x\"}");
        Session created = db.sessions()
                .create(NewSession.named("feature-x").withMetadata(metadata).withCreatedBy("planner"));

        assertThat(created.id().value().version()).isEqualTo(7);
        assertThat(created.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(created.startedAt()).isEqualTo(now());
        assertThat(created.endedAt()).isNull();
        assertThat(created.lastEventSeq()).isZero();
        assertThat(db.sessions().require(created.id())).isEqualTo(created);
        assertThat(db.sessions().get(created.id()).orElseThrow().metadata()).isEqualTo(metadata);
        assertThat(db.sessions().get(created.id()).orElseThrow().name()).isEqualTo("feature-x");
        assertThat(db.sessions().get(created.id()).orElseThrow().createdBy()).isEqualTo("planner");

        clock.advance(Duration.ofMinutes(3));
        Session ended = db.sessions().end(created.id(), SessionStatus.ENDED);
        assertThat(ended.status()).isEqualTo(SessionStatus.ENDED);
        assertThat(ended.endedAt()).isEqualTo(now());
        assertThat(db.sessions().require(created.id())).isEqualTo(ended);
    }

    @Test
    void anEndedSessionCannotEndAgain() {
        SessionId id = db.sessions().create(NewSession.named(null)).id();
        db.sessions().end(id, SessionStatus.FAILED);

        assertThatThrownBy(() -> db.sessions().end(id, SessionStatus.ENDED))
                .isInstanceOfSatisfying(IllegalTransition.class, e -> {
                    assertThat(e.entity()).isEqualTo("session");
                    assertThat(e.id()).isEqualTo(id.toString());
                    assertThat(e.from()).isEqualTo("failed");
                    assertThat(e.to()).isEqualTo("ended");
                });
        assertThat(db.sessions().require(id).status()).isEqualTo(SessionStatus.FAILED);
    }

    @Test
    void badArgumentsAndUnknownIdsAreTyped() {
        SessionId unknown = SessionId.generate();
        assertThat(db.sessions().get(unknown)).isEmpty();
        assertThatThrownBy(() -> db.sessions().require(unknown)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> db.sessions().end(unknown, SessionStatus.ENDED))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> db.sessions().append(unknown, "x", null)).isInstanceOf(NotFound.class);
        SessionId id = db.sessions().create(NewSession.named("s")).id();
        assertThatThrownBy(() -> db.sessions().end(id, SessionStatus.ACTIVE))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("outcome"));
        assertThatThrownBy(() -> db.sessions().append(id, " ", null))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> db.sessions().append(id, "t".repeat(SessionEvent.TYPE_MAX + 1), null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> NewSession.named("n".repeat(NewSession.NAME_MAX + 1)))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> db.sessions().events(id, PageRequest.first(0))).isInstanceOf(InvalidInput.class);
        assertThat(db.sessions().require(id).lastEventSeq()).isZero();
    }

    @Test
    void listFiltersByStatusAndStartTimeAndPages() {
        OffsetDateTime t0 = now();
        SessionId first = db.sessions().create(NewSession.named("first")).id();
        clock.advance(Duration.ofMinutes(1));
        OffsetDateTime t1 = now();
        SessionId second = db.sessions().create(NewSession.named("second")).id();
        clock.advance(Duration.ofMinutes(1));
        SessionId third = db.sessions().create(NewSession.named("third")).id();
        db.sessions().end(second, SessionStatus.ENDED);

        assertThat(ids(SessionFilters.all())).containsExactly(first, second, third);
        assertThat(ids(SessionFilters.builder().status(SessionStatus.ACTIVE).build()))
                .containsExactly(first, third);
        assertThat(ids(SessionFilters.builder().status(SessionStatus.ENDED).build()))
                .containsExactly(second);
        assertThat(ids(SessionFilters.builder().startedBetween(t1, null).build()))
                .containsExactly(second, third);
        assertThat(ids(SessionFilters.builder().startedBetween(t0, t1).build())).containsExactly(first);
        assertThat(Pages.nth(page -> db.sessions().list(SessionFilters.all(), page), 2, 1).stream()
                        .map(Session::id))
                .containsExactly(third);
        assertThat(Pages.pages(
                        page -> db.sessions()
                                .list(
                                        SessionFilters.builder()
                                                .status(SessionStatus.ACTIVE)
                                                .build(),
                                        page),
                        1))
                .map(p -> p.getFirst().id())
                .containsExactly(first, third);
    }

    private List<SessionId> ids(SessionFilters filters) {
        return db.sessions().list(filters, PageRequest.first()).items().stream()
                .map(Session::id)
                .toList();
    }

    @Test
    void eventsGetConsecutiveNumbersAndPageBySequence() {
        SessionId id = db.sessions().create(NewSession.named("log")).id();
        Json payload = Json.of("{\"n\": 1, \"task\": \"plan\"}");
        OffsetDateTime appendedAt = now();
        SessionEvent firstEvent = db.sessions().append(id, "task.planned", payload);
        for (int i = 2; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            db.sessions().append(id, "step", null);
        }

        assertThat(firstEvent.seq()).isEqualTo(1);
        assertThat(firstEvent.at()).isEqualTo(appendedAt);
        assertThat(Pages.first(page -> db.sessions().events(id, page), 2))
                .containsExactly(
                        firstEvent,
                        Pages.nth(page -> db.sessions().events(id, page), 1, 1).getFirst());
        assertThat(Pages.pages(page -> db.sessions().events(id, page), 2))
                .map(p -> p.stream().map(SessionEvent::seq).toList())
                .containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
        assertThat(Pages.pages(page -> db.sessions().events(id, page), 5)).hasSize(1);
        assertThat(Pages.first(page -> db.sessions().events(id, page), 1)
                        .getFirst()
                        .payload())
                .isEqualTo(payload);
        assertThat(Pages.nth(page -> db.sessions().events(id, page), 1, 1)
                        .getFirst()
                        .payload())
                .isNull();
        assertThat(db.sessions().require(id).lastEventSeq()).isEqualTo(5);
    }

    @Test
    void eventsAreKeptAfterTheSessionEndsAndLogsAreSeparate() {
        SessionId a = db.sessions().create(NewSession.named("a")).id();
        SessionId b = db.sessions().create(NewSession.named("b")).id();
        db.sessions().append(a, "one", null);
        db.sessions().end(a, SessionStatus.ENDED);
        db.sessions().append(a, "late", null);
        db.sessions().append(b, "other", null);

        assertThat(db.sessions().events(a, PageRequest.first(10)).items())
                .extracting(SessionEvent::type)
                .containsExactly("one", "late");
        assertThat(db.sessions().events(b, PageRequest.first(10)).items())
                .extracting(SessionEvent::seq)
                .containsExactly(1L);
    }

    @Test
    void concurrentAppendersNeverShareASequenceNumber() throws Exception {
        SessionId id = db.sessions().create(NewSession.named("busy")).id();
        int threads = 8;
        int perThread = 25;
        List<Long> seqs = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        seqs.add(db.sessions().append(id, "tick", null).seq());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= threads * perThread; s++) {
            expected.add(s);
        }
        assertThat(seqs).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Pages.all(page -> db.sessions().events(id, page), 7))
                .extracting(SessionEvent::seq)
                .containsExactlyElementsOf(expected);
        assertThat(db.sessions().require(id).lastEventSeq()).isEqualTo(threads * perThread);
    }

    @Test
    void tasksBelongToSessions() {
        SessionId id = db.sessions().create(NewSession.named("work")).id();
        db.tasks()
                .submit(NewTask.builder("in the session", "coder").sessionId(id).build());
        db.tasks().submit(NewTask.builder("elsewhere", "coder").build());

        assertThat(db.tasks().count(TaskFilters.builder().sessionId(id).build()))
                .isEqualTo(1);
    }

    @Test
    void cursorsPageThroughEverySessionAndEvent() {
        List<SessionId> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(db.sessions().create(NewSession.named("s" + i)).id());
            clock.advance(Duration.ofMillis(1));
        }
        for (int i = 0; i < 7; i++) {
            db.sessions().append(created.getFirst(), "e" + i, null);
        }
        for (int size : new int[] {1, 3, 7, 10}) {
            assertThat(Pages.all(page -> db.sessions().list(SessionFilters.all(), page), size))
                    .extracting(Session::id)
                    .containsExactlyElementsOf(created);
            assertThat(Pages.all(page -> db.sessions().events(created.getFirst(), page), size))
                    .extracting(SessionEvent::seq)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
        assertThat(db.sessions()
                        .list(SessionFilters.all(), PageRequest.first(7))
                        .hasMore())
                .isFalse();
        assertThat(db.sessions()
                        .list(SessionFilters.all(), PageRequest.first(6))
                        .hasMore())
                .isTrue();
    }

    @Test
    void aCursorThatListDidNotHandOutIsInvalidInput() {
        SessionId id = db.sessions().create(NewSession.named("s")).id();
        db.sessions().append(id, "e", null);
        db.sessions().append(id, "e", null);
        String eventCursor = db.sessions().events(id, PageRequest.first(1)).nextCursor();
        Pages.assertBadCursor(() -> db.sessions().events(id, PageRequest.after("not a cursor", 10)));
        Pages.assertBadCursor(() -> db.sessions().events(id, PageRequest.after(eventCursor + "." + eventCursor, 10)));
        Pages.assertBadCursor(() -> db.sessions().list(SessionFilters.all(), PageRequest.after(eventCursor, 10)));
        Pages.assertBadCursor(() -> PageRequest.after(null, 10));
        Pages.assertBadCursor(() -> PageRequest.after(" ", 10));
    }
}
