package katajudge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import katajudge.protocol.Event;
import katajudge.protocol.ChannelFrame;
import katajudge.protocol.ProtocolJson;
import katajudge.protocol.TestStatus;
import org.junit.jupiter.api.Test;

/** The parent's side of the result channel fails closed: every way to damage it is named, none passes. */
class ResultChannelTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String PLANNED = "{\"event\":\"planned\",\"tests\":[\"T.a\",\"T.b\"]}";
    private static final String PASSED_A = test("T.a");
    private static final String FINISHED = "{\"event\":\"finished\",\"aborted\":false}";

    private static String test(String name) {
        return ProtocolJson.write(new Event.TestFinished(name, name, TestStatus.PASSED, null, null, List.of(), 1, "",
                1));
    }

    private static String frame(long seq, String json) {
        return "\n" + ChannelFrame.encode(KEY, seq, json) + "\n";
    }

    private static ResultChannel read(String... chunks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String c : chunks) {
            bytes.writeBytes(c.getBytes(StandardCharsets.UTF_8));
        }
        ResultChannel channel = new ResultChannel(KEY);
        channel.read(new ByteArrayInputStream(bytes.toByteArray()));
        return channel;
    }

    @Test
    void aCleanRunIsReadWhole() {
        ResultChannel c = read(frame(0, PLANNED), frame(1, PASSED_A), frame(2, test("T.b")), frame(3, FINISHED));
        assertEquals(4, c.events().size());
        assertEquals(List.of(), c.verdictOnEnd());
        assertTrue(c.finished(), "its last event is in: the parent may end the child");
    }

    @Test
    void theChildIsNotFinishedBeforeItsLastAuthenticEvent() {
        assertFalse(read(frame(0, PLANNED), frame(1, PASSED_A)).finished());
        assertFalse(read(frame(0, PLANNED), "\nKJ1 1 AAAA " + FINISHED + "\n").finished(), "a forged end");
    }

    @Test
    void learnerBytesWithoutANewlineCannotGlueOntoAFrame() {
        ResultChannel c = read("x", frame(0, PLANNED), "half a line", frame(1, PASSED_A), "y".repeat(100_000),
                frame(2, test("T.b")), frame(3, FINISHED));
        assertEquals(4, c.events().size());
        assertEquals(List.of(), c.verdictOnEnd());
    }

    @Test
    void aForgedFrameIsTamperingAndIsNotBelieved() {
        ResultChannel c = read(frame(0, PLANNED), "\nKJ1 1 AAAA " + FINISHED + "\n");
        assertEquals(1, c.events().size(), "only the authentic frame");
        assertTrue(c.verdictOnEnd().contains("a damaged or forged message on the judge's result channel"));
    }

    @Test
    void aFrameWithAnotherRunsKeyIsForged() {
        byte[] other = "another run's key, 32 bytes long".getBytes(StandardCharsets.US_ASCII);
        ResultChannel c = read(frame(0, PLANNED), "\n" + ChannelFrame.encode(other, 1, FINISHED) + "\n");
        assertTrue(c.events().stream().noneMatch(e -> e instanceof Event.Finished));
        assertEquals(1, c.verdictOnEnd().size());
    }

    @Test
    void aSplicedFrameIsDamaged() {
        String f = ChannelFrame.encode(KEY, 0, PLANNED);
        ResultChannel c = read("\n" + f.substring(0, 20) + "spliced" + f.substring(20) + "\n");
        assertEquals(List.of(), c.events());
        assertEquals(List.of("a damaged or forged message on the judge's result channel"), c.verdictOnEnd());
    }

    @Test
    void aDroppedFrameIsAGap() {
        ResultChannel c = read(frame(0, PLANNED), frame(2, FINISHED));
        assertTrue(c.verdictOnEnd().contains("message 1 missing from the judge's result channel"), c.verdictOnEnd()::toString);
    }

    @Test
    void aReplayedFrameIsTampering() {
        ResultChannel c = read(frame(0, PLANNED), frame(1, PASSED_A), frame(1, PASSED_A));
        assertTrue(c.verdictOnEnd().contains("a replayed message on the judge's result channel"));
    }

    @Test
    void aPlannedTestThatNeverReportedCountsAsFailed() {
        ResultChannel c = read(frame(0, PLANNED), frame(1, PASSED_A), frame(2, FINISHED));
        assertEquals(List.of("the run ended without a result for 1 planned test (T.b)"), c.verdictOnEnd());
    }

    @Test
    void anAuthenticFrameThatDoesNotReadIsTheJudgesFaultNotTampering() {
        ResultChannel c = read(frame(0, PLANNED), frame(1, "{\"event\":\"test\",\"name\":\"T.a\"}"),
                frame(2, test("T.b")), frame(3, FINISHED));
        assertTrue(c.events().stream().anyMatch(e -> e instanceof Event.Fault f
                && f.message().startsWith("unreadable event from the child")), c.events()::toString);
    }

    @Test
    void anOverlongLineIsDroppedWithoutKeepingIt() {
        ResultChannel c = read("KJ1 " + "z".repeat(ResultChannel.MAX_LINE + 10), frame(0, PLANNED));
        assertEquals(1, c.events().size());
        assertEquals(List.of(), c.verdictOnEnd());
    }
}
