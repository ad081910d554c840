package dev.sockit.cli.nc;

import java.util.ArrayList;
import java.util.List;

/**
 * Port numbers as the netcat's command line gives them: one port ({@code 80}), or for
 * {@code -z} a list of ports and ranges ({@code 20-30,80,443}). Decimal only, no sign, no
 * service names. Every error is a {@link UsageError} naming the flag or operand.
 */
public final class PortSpec {
    /** The most ports one list may name (all of them: {@code 1-65535}). */
    public static final int MAX_PORTS = 65_535;

    private PortSpec() {
    }

    /**
     * Parses one port, {@code 1..65535}, or {@code 0..65535} if {@code allowZero}.
     *
     * @param what the flag or operand, for the message ({@code "PORT"}, {@code "-p"})
     * @throws UsageError if {@code text} is not such a number
     */
    public static int port(String what, String text, boolean allowZero) {
        int min = allowZero ? 0 : 1;
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UsageError(what + " \"" + text + "\": not a port number (expected: " + min + "-65535)");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > 65_535) {
            throw new UsageError(what + " \"" + text + "\": out of range (expected: " + min + "-65535)");
        }
        return value;
    }

    /**
     * Parses a comma-separated list of ports and ranges {@code LOW-HIGH} (inclusive, LOW at most
     * HIGH), each port {@code 1..65535}; the result keeps the order given, ranges expanded, and
     * repeats dropped.
     *
     * @throws UsageError for an empty item, a bad port, or a range given backwards
     */
    public static List<Integer> list(String what, String text) {
        List<Integer> ports = new ArrayList<>();
        boolean[] seen = new boolean[65_536];
        for (String item : text.split(",", -1)) {
            int dash = item.indexOf('-');
            int low = port(what, dash < 0 ? item : item.substring(0, dash), false);
            int high = dash < 0 ? low : port(what, item.substring(dash + 1), false);
            if (high < low) {
                throw new UsageError(what + " \"" + item + "\": range backwards (expected: LOW-HIGH with LOW <= HIGH)");
            }
            for (int p = low; p <= high; p++) {
                if (!seen[p]) {
                    seen[p] = true;
                    ports.add(p);
                }
            }
        }
        return List.copyOf(ports);
    }
}
