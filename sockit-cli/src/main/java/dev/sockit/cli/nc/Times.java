package dev.sockit.cli.nc;

import java.time.Duration;

/**
 * The time grammar of the command line: a non-negative decimal number with an optional unit,
 * {@code ms}, {@code s}, {@code m} or {@code h}; a bare number is seconds ({@code 2},
 * {@code 0.5}, {@code 500ms}, {@code 1m}). Precision is the millisecond, rounded up, so a
 * positive time never becomes zero.
 */
public final class Times {
    private static final long MAX_MILLIS = Duration.ofDays(365).toMillis();

    private Times() {
    }

    /**
     * Parses {@code text}.
     *
     * @param what the option, for the error message ({@code "-w"})
     * @throws IllegalArgumentException naming {@code what} and the text, in one line
     */
    public static Duration parse(String what, String text) {
        int unitStart = text.length();
        while (unitStart > 0 && Character.isLetter(text.charAt(unitStart - 1))) {
            unitStart--;
        }
        String number = text.substring(0, unitStart);
        long unitMillis = switch (text.substring(unitStart)) {
            case "", "s" -> 1_000;
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            default -> throw invalid(what, text);
        };
        if (!number.matches("[0-9]{1,12}(\\.[0-9]{1,9})?|\\.[0-9]{1,9}")) {
            throw invalid(what, text);
        }
        double millis = Math.ceil(Double.parseDouble(number) * unitMillis);
        if (millis > MAX_MILLIS) {
            throw new IllegalArgumentException(what + " \"" + text + "\": too long (at most 365 days)");
        }
        return Duration.ofMillis((long) millis);
    }

    private static IllegalArgumentException invalid(String what, String text) {
        return new IllegalArgumentException(what + " \"" + text + "\": not a time (expected: a number of seconds, or with a unit: 500ms, 2s, 1m, 1h)");
    }
}
