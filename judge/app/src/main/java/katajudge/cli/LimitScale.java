package katajudge.cli;

import katas.support.Tolerance;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --limit-scale X} option of every command that judges (submit,
 * grade, verify): slack for a slow or loaded machine, the same factor
 * {@code verify --sensitivity} judges at (1.5). It stretches the kata's time
 * limits, the judge's detection windows and the hidden tests' own
 * tolerances ({@link Tolerance}); the result shows it as
 * {@code timing.limitScale}.
 */
final class LimitScale {

    @Option(names = "--limit-scale", paramLabel = "X", converter = Factor.class, defaultValue = "1",
            description = "Slack for a slow or loaded machine (a classroom CI runner): stretch the kata's time "
                    + "limits, the judge's detection windows and the hidden tests' timing tolerances (how late "
                    + "a job may run, how long a test waits) by X, from 1 (default) to 3. Scenario durations and "
                    + "speedup targets stay. The result's timing.limitScale shows the factor used; the larger it "
                    + "is, the less a tolerance tells a slow answer from a wrong one.")
    double factor = 1.0;

    /** A factor from 1 to {@link Tolerance#MAX_FACTOR}, with one clear line otherwise. */
    static final class Factor implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double factor;
            try {
                factor = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException(outOfRange(value));
            }
            if (!Tolerance.isValidFactor(factor)) {
                throw new TypeConversionException(outOfRange(value));
            }
            return factor;
        }

        private static String outOfRange(String value) {
            return "'" + value + "' is not a limit scale: give a number from 1 to " + (int) Tolerance.MAX_FACTOR
                    + " (1.5 gives half as much time again)";
        }
    }
}
