package katajudge.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts a day given on the command line ({@code 3}, {@code 03}): 1..30, with one clear line otherwise. */
final class Day implements ITypeConverter<Integer> {

    static final int FIRST = 1;
    static final int LAST = 30;

    @Override
    public Integer convert(String value) {
        int day;
        try {
            day = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a day: give a number from " + FIRST + " to " + LAST);
        }
        if (day < FIRST || day > LAST) {
            throw new TypeConversionException("there is no day " + day + ": the days are " + FIRST + " to " + LAST);
        }
        return day;
    }
}
