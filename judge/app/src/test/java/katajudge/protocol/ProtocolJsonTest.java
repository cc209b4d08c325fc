package katajudge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol's own JSON: every event and config comes back equal, Jackson reads it alike, bad text is named. */
class ProtocolJsonTest {

    /** Text a learner's output or a thread name can carry: quotes, escapes, control characters, surrogates. */
    private static final String NASTY = "a \"quoted\" \\ back\nslash\ttab\r\u0000\u001f\u007f é ✓ 😀 "
            + "lone \ud800 and \udc00 end";

    private static final ThreadSnapshot SNAPSHOT = new ThreadSnapshot(NASTY, 42, true, "learner", "WAITING",
            "java.util.concurrent.locks.ReentrantLock$NonfairSync@1", 1500L, "main", List.of("> a.B.c(B.java:3)",
            "java.lang.Thread.run"), List.of(), null, "T.a");

    static Stream<Record> everyEventAndConfig() {
        return Stream.of(
                new Event.Started("25.0.3+9-LTS", 2, "learner.Impl"),
                new Event.Planned(List.of("T.a", NASTY)),
                new Event.TestFinished("T.a", "a()", TestStatus.FAILED, NASTY, "java.lang.AssertionError",
                        List.of("x", "y"), Long.MAX_VALUE, NASTY, 7),
                new Event.TestFinished("T.b", "b()", TestStatus.PASSED, null, null, List.of(), 0, "", 0),
                new Event.ThreadLeak("T.a", List.of(SNAPSHOT, SNAPSHOT)),
                new Event.Deadlock("T.a", "all threads are asleep", List.of("t1", "t2"), List.of(SNAPSHOT)),
                new Event.Timeout("T.a", 5001, 5000, List.of()),
                new Event.BusyWait("T.a", 0.987654321, 800, SNAPSHOT),
                new Event.BusyWait("T.a", 1.0E-7, 800, null),
                new Event.TooManyThreads("T.a", 257, 256, List.of(SNAPSHOT), 3),
                new Event.OverThreadLimit("T.a", 9, 8, List.of()),
                new Event.Refused("file", NASTY, "T.a", List.of("> learner.X.y(X.java:1)")),
                new Event.SpeedupStarting(3),
                new Event.SpeedupMeasured(List.of(1L, Long.MIN_VALUE), List.of(3L), null, "boom", true),
                Event.SpeedupMeasured.skipped("speed only counts once every hidden test passes"),
                new Event.ThreadTotals(3, 10_000, 12, 4),
                new Event.Fault(NASTY),
                new Event.KernelLimit(Event.KernelLimit.Kind.MEMORY, NASTY),
                new Event.Finished(true),
                new ChildConfig("katas.day01.Api", "learner.Impl", "/tmp/s.jar", List.of("/a.jar", "/b.jar"),
                        List.of("T"), "W", "B", 3, 5000, 1000, Policy.DEFAULT.scaled(1.5), 0.05, 256, 16384, true, "/tmp/r.jfr",
                        -7L, List.of("T.a"), 8, 1.5),
                new ChildConfig("a", "b", "c", List.of(), List.of(), null, null, 0, 0, 0, Policy.DEFAULT, 0, 0, 0, false, null,
                        null, List.of(), 0, 1.0),
                new ProgramConfig("/p.jar", "Main", List.of("--x", NASTY), 10_000, 200, 500, true, 3, -1L, 50));
    }

    @ParameterizedTest
    @MethodSource("everyEventAndConfig")
    void comesBackEqual(Record value) {
        String json = ProtocolJson.write(value);
        assertFalse(json.contains("\n") || json.contains("\r"), "one line: " + json);
        Class<?> as = value instanceof Event ? Event.class : value.getClass();
        assertEquals(value, ProtocolJson.read(json, as), json);
    }

    @Test
    void everyEventHasOneNameOnTheChannel() {
        Set<String> names = new HashSet<>();
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            String name = Event.nameOf((Class<? extends Event>) type);
            assertTrue(names.add(name), "two events named " + name);
            assertEquals(type, Event.typeNamed(name));
        }
        assertNull(Event.typeNamed("no-such-event"));
        assertNull(Event.typeNamed(null));
        Set<Class<?>> sampled = new HashSet<>();
        everyEventAndConfig().filter(v -> v instanceof Event).forEach(v -> sampled.add(v.getClass()));
        assertEquals(Set.of(Event.class.getPermittedSubclasses()), sampled, "every event is in the round trip");
    }

    /** The wire format is the one Jackson wrote before: a reader with Jackson (a tool, an old judge) still reads it. */
    @Test
    void jacksonReadsWhatItWritesAlike() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        Record config = (Record) everyEventAndConfig().filter(v -> v instanceof ChildConfig).findFirst().orElseThrow();
        assertEquals(jackson.writeValueAsString(config), ProtocolJson.write(config));
        assertEquals(config, jackson.readValue(ProtocolJson.write(config), ChildConfig.class));
        ThreadSnapshot plain = new ThreadSnapshot("t", 1, false, "learner", "BLOCKED", "lock", null, "u",
                List.of("a"), List.of("b"), "main", "T.a");
        assertEquals(jackson.writeValueAsString(plain), ProtocolJson.write(plain));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{",
            "{\"event\":\"finished\",\"aborted\":false} trailing",
            "{\"event\":\"finished\"}",
            "{\"event\":\"finished\",\"aborted\":false,\"extra\":1}",
            "{\"event\":\"finished\",\"aborted\":\"yes\"}",
            "{\"event\":\"no-such-event\",\"aborted\":false}",
            "{\"aborted\":false}",
            "{\"event\":\"finished\",\"aborted\":false,\"aborted\":true}",
            "{\"event\":\"started\",\"jdk\":\"x\",\"cores\":4294967296,\"implementation\":\"y\"}",
            "{\"event\":\"started\",\"jdk\":\"x\",\"cores\":null,\"implementation\":\"y\"}",
            "{\"event\":\"fault\",\"message\":\"\\q\"}",
            "{\"event\":\"judge-fault\",\"message\":\"raw\u0001control\"}",
            "{\"event\":\"judge-fault\",\"message\":\"\\u12\"}",
            "{\"event\":\"planned\",\"tests\":[1,2]}",
            "{\"event\":\"planned\",\"tests\":\"T.a\"}",
            "[1,2]",
            "{\"event\":\"test\",\"name\":\"T\",\"displayName\":\"T\",\"status\":\"MAYBE\",\"message\":null,"
                    + "\"exception\":null,\"stack\":[],\"millis\":1,\"output\":\"\",\"peakThreads\":0}",
    })
    void badTextIsRefusedWithAReason(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProtocolJson.read(json, Event.class));
        assertFalse(e.getMessage() == null || e.getMessage().isBlank());
    }

    @Test
    void nestingDeeperThanTheProtocolIsRefusedNotFollowed() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProtocolJson.read("{\"event\":\"planned\",\"tests\":" + deep + "}", Event.class));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void aNonFiniteShareIsWrittenAsNullAndReadAsNaN() {
        String json = ProtocolJson.write(new Event.BusyWait("T", Double.POSITIVE_INFINITY, 1, null));
        assertTrue(json.contains("\"cpuShare\":null"), json);
        assertTrue(Double.isNaN(((Event.BusyWait) ProtocolJson.read(json, Event.class)).cpuShare()));
    }
}
