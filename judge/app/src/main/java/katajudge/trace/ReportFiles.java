package katajudge.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import katajudge.protocol.Frame;
import katajudge.protocol.ThreadSnapshot;
import katajudge.report.Result;
import katajudge.score.Finding;
import katajudge.score.Judgement;

/**
 * Where a judging's page and recording live: beside its result,
 * {@code dayNN.json}, {@code dayNN.jfr} (the flight recording, for Mission
 * Control) and {@code dayNN.html} (the page), and how the page is made from
 * them.
 */
public final class ReportFiles {

    private ReportFiles() {}

    public static Path recordingFor(Path resultFile) {
        return sibling(resultFile, ".jfr");
    }

    public static Path pageFor(Path resultFile) {
        return sibling(resultFile, ".html");
    }

    /**
     * Writes the page of a saved result; its recording (if the judging made
     * one) is read for the timeline, the module's sources (may be null) for
     * the lines it names. A recording that cannot be read leaves a page
     * without a timeline, never a failed judging.
     */
    public static Path writePage(Result result, Path resultFile, Path sourceRoot) throws IOException {
        Reading reading = new Reading();
        reading.recorded(recordingFor(resultFile));
        return writePage(result, resultFile, sourceRoot, reading);
    }

    /** The same, with the timeline from a reading that started when the recording was kept. */
    public static Path writePage(Result result, Path resultFile, Path sourceRoot, Reading reading)
            throws IOException {
        Path jfr = recordingFor(resultFile);
        Timeline timeline = reading.timeline(result);
        String title = String.format("Day %d · %s", result.day(), result.title());
        List<SourceLines.Place> sources = SourceLines.of(sourceRoot, namedFrames(result, timeline));
        return write(pageFor(resultFile), new TracePage.Content(title, result, timeline, sources,
                Files.isRegularFile(jfr) ? jfr.getFileName().toString() : null));
    }

    /**
     * A judging's recording, read on a thread of its own from the moment the child's recording is kept:
     * the judge scores, prints the verdict and saves the result meanwhile, so the page adds little to the
     * judging's time. The findings (which lanes to mark) are handed over when the page is written; the
     * parse, most of the work, does not wait for them.
     */
    public static final class Reading {
        private final CompletableFuture<Map<Long, String>> marks = new CompletableFuture<>();
        private final CompletableFuture<Timeline> timeline = new CompletableFuture<>();
        private volatile boolean started;

        /** Starts reading {@code jfr} (a file that is not there, or cannot be read, is no timeline). */
        public void recorded(Path jfr) {
            if (started || !Files.isRegularFile(jfr)) {
                return;
            }
            started = true;
            Thread reader = new Thread(() -> {
                Timeline read = null;
                try {
                    read = TimelineReader.read(jfr, marks::join);
                } catch (IOException | RuntimeException e) {
                    // a page without a timeline, never a failed judging
                } finally {
                    timeline.complete(read);
                }
            }, "judge-recording-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The timeline of this judging's recording (null if there was none), its findings marked. */
        Timeline timeline(Result result) {
            if (!started) {
                return null;
            }
            marks.complete(TracePage.marks(result.findings()));
            return timeline.join();
        }
    }

    /** Writes the page of a {@code judge run}: its threads over time and, if it hung, what waited on what. */
    public static Path writeRunPage(Path page, Path program, Path recording) throws IOException {
        Timeline timeline = null;
        if (recording != null && Files.isRegularFile(recording)) {
            timeline = TimelineReader.read(recording, java.util.Map.of());
        }
        return write(page, new TracePage.Content("judge run " + program.getFileName(), null, timeline, List.of(),
                timeline == null ? null : recording.getFileName().toString()));
    }

    /** Writes a page atomically: a reader never sees half of one. */
    public static Path write(Path page, TracePage.Content content) throws IOException {
        Path parent = page.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".page-", ".html");
        Files.writeString(tmp, TracePage.render(content));
        Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return page;
    }

    /** Every frame the page shows: findings' threads, failed tests' stacks, the timeline's stacks. */
    static List<String> namedFrames(Result result, Timeline timeline) {
        List<String> texts = new ArrayList<>();
        if (result != null) {
            for (Finding f : result.findings() == null ? List.<Finding>of() : result.findings()) {
                texts.addAll(f.details());
                for (ThreadSnapshot t : f.threads() == null ? List.<ThreadSnapshot>of() : f.threads()) {
                    learnerFrames(t, texts);
                }
            }
            for (Judgement.TestOutcome t : result.tests() == null ? List.<Judgement.TestOutcome>of() : result.tests()) {
                t.stack().stream().filter(Frame::isLearner).forEach(texts::add);
            }
        }
        if (timeline != null) {
            timeline.strings().stream().flatMap(String::lines).filter(Frame::isLearner).forEach(texts::add);
            timeline.atEnd().forEach(t -> learnerFrames(t, texts));
        }
        return texts;
    }

    private static void learnerFrames(ThreadSnapshot t, List<String> into) {
        for (List<String> frames : List.of(t.stack() == null ? List.<String>of() : t.stack(),
                t.createdAt() == null ? List.<String>of() : t.createdAt())) {
            frames.stream().filter(Frame::isLearner).forEach(into::add);
        }
    }

    private static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }

}
