package katajudge.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import katajudge.protocol.Event;
import katajudge.spec.Problem;
import katas.support.Tolerance;

/**
 * One judging to do: which problem, which submission, and how hard to
 * stretch the limits ({@code limitScale} 1.5 re-judges at 1.5x the limits,
 * to find verdicts that sit on the edge; {@code --limit-scale} gives a slow
 * machine slack), the hidden tests' tolerances with them. Immutable; build it with
 * {@link #builder()}. {@code machine} is the judging's hold on a machine
 * other judgings share ({@code verify --jobs}), or null when it has the
 * machine to itself.
 */
public record RunRequest(JudgeHome home, Problem problem, Submission submission, double limitScale,
                         Path workDir, Path recordTo, Consumer<Path> recorded, Consumer<Event> progress,
                         MachineShare.Use machine) {

    public RunRequest {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(submission, "submission");
        if (!Tolerance.isValidFactor(limitScale)) {
            throw new IllegalArgumentException("limitScale must be from 1 to " + Tolerance.MAX_FACTOR + ": "
                    + limitScale);
        }
        progress = progress == null ? e -> { } : progress;
        recorded = recorded == null ? p -> { } : recorded;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private JudgeHome home;
        private Problem problem;
        private Submission submission;
        private double limitScale = 1.0;
        private Path workDir;
        private Path recordTo;
        private Consumer<Path> recorded;
        private Consumer<Event> progress;
        private MachineShare.Use machine;

        public Builder home(JudgeHome home) {
            this.home = home;
            return this;
        }

        public Builder problem(Problem problem) {
            this.problem = problem;
            return this;
        }

        public Builder submission(Submission submission) {
            this.submission = submission;
            return this;
        }

        public Builder limitScale(double limitScale) {
            this.limitScale = limitScale;
            return this;
        }

        /** Where the run's temporary folder goes; the system's temporary folder by default. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** Told each event of the child as it arrives (a terminal's progress line); nothing by default. */
        public Builder progress(Consumer<Event> progress) {
            this.progress = progress;
            return this;
        }

        /** Keep the child's flight recording (a .jfr) here, for the report page; not kept by default. */
        public Builder recordTo(Path recordTo) {
            this.recordTo = recordTo;
            return this;
        }

        /**
         * Told where the recording is once the child has ended and it is kept (before the judging is scored,
         * and before a plain JVM runs a kata's Lincheck checks): the page's reading can start there.
         */
        public Builder recorded(Consumer<Path> recorded) {
            this.recorded = recorded;
            return this;
        }

        /** The judging's hold on a machine other judgings share: its speedup runs wait to have it alone. */
        public Builder machine(MachineShare.Use machine) {
            this.machine = machine;
            return this;
        }

        public RunRequest build() {
            return new RunRequest(home, problem, submission, limitScale, workDir, recordTo, recorded, progress,
                    machine);
        }
    }
}
