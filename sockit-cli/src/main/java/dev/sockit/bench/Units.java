package dev.sockit.bench;

import java.util.Locale;

/** Numbers as people read them in reports: bytes in binary units, bits per second in decimal ones, times from nanoseconds. */
public final class Units {
    private Units() {
    }

    /** {@code 12.5 GBytes}: bytes in units of 1024, as iperf3 prints them. */
    public static String bytes(double bytes) {
        String[] units = {"Bytes", "KBytes", "MBytes", "GBytes", "TBytes"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return fixed(bytes) + " " + units[u];
    }

    /** {@code 21.9 Gbits/sec}: bits per second in units of 1000. */
    public static String bits(double bitsPerSecond) {
        String[] units = {"bits/sec", "Kbits/sec", "Mbits/sec", "Gbits/sec", "Tbits/sec"};
        int u = 0;
        while (bitsPerSecond >= 1000 && u < units.length - 1) {
            bitsPerSecond /= 1000;
            u++;
        }
        return fixed(bitsPerSecond) + " " + units[u];
    }

    /** {@code 12.3 µs}, {@code 4.56 ms} or {@code 1.20 s}. */
    public static String nanos(double nanos) {
        if (nanos < 1_000_000) {
            return fixed(nanos / 1000) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return fixed(nanos / 1_000_000) + " ms";
        }
        return fixed(nanos / 1e9) + " s";
    }

    /** {@code 158k}, {@code 1.20M}: a count per second in units of 1000. */
    public static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return fixed(perSecond / 1e6) + "M";
        }
        if (perSecond >= 1e3) {
            return fixed(perSecond / 1e3) + "k";
        }
        return fixed(perSecond);
    }

    /** Three significant digits at most, two decimals at most. */
    static String fixed(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
