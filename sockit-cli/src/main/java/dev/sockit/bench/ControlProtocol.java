package dev.sockit.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text lines client and server exchange, version 1. Every line is ASCII, at most
 * {@value #MAX_LINE} bytes with its {@code \n}.
 * <pre>
 * control connection, client → server:  SOCKIT-BENCH/1 cookie=HEX mode=throughput proto=tcp ...
 * server → client:                      OK | ERR reason
 * client → server:                      MARK            (warm-up over: the server restarts its counts)
 * client → server:                      END sent=N,...  (the client stopped; UDP datagrams it sent per stream)
 * server → client:                      RESULT bytes=N,... datagrams=N,... lost=... ooo=... jitter_ns=... held=N
 * each data connection, client → server: DATA HEX STREAM ROLE   (ROLE: sink, source, echo, hold)
 * </pre>
 * A data connection's role is what the server does with it: count what arrives (sink), send
 * as fast as it can (source), send back what arrives (echo), keep it open (hold).
 */
public final class ControlProtocol {
    /** The first word of a client's first line, naming the version. */
    public static final String GREETING = "SOCKIT-BENCH/1";
    /** The longest line, {@code \n} included: room for six lists of 256 streams' counts. */
    public static final int MAX_LINE = 64 * 1024;

    /** What the server does with a data connection. */
    public enum Role { SINK, SOURCE, ECHO, HOLD }

    private ControlProtocol() {
    }

    /** The client's first line on the control connection (no {@code \n}). */
    public static String hello(long cookie, TestSpec spec) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("cookie", Long.toHexString(cookie));
        f.put("mode", spec.modeName());
        f.put("proto", spec.protocolName());
        f.put("dir", spec.directionName());
        f.put("streams", Integer.toString(spec.streams()));
        f.put("len", Integer.toString(spec.length()));
        f.put("rate", Long.toString(spec.rate()));
        f.put("conns", Integer.toString(spec.connections()));
        f.put("depth", Integer.toString(spec.depth()));
        f.put("time_ms", Long.toString(spec.duration().toMillis()));
        f.put("warmup_ms", Long.toString(spec.warmup().toMillis()));
        return GREETING + " " + join(f);
    }

    /** A client's first line, read. */
    public record Hello(long cookie, TestSpec spec) {
    }

    /**
     * Reads a client's first line.
     * @throws IllegalArgumentException if it is not version 1, or a field is missing or invalid
     */
    public static Hello parseHello(String line) {
        String[] words = line.split(" ", 2);
        if (!words[0].equals(GREETING)) {
            throw new IllegalArgumentException("unsupported protocol \"" + shorten(words[0]) + "\" (expected: " + GREETING + ")");
        }
        Map<String, String> f = fields(words.length > 1 ? words[1] : "");
        try {
            TestSpec spec = new TestSpec(
                    TestSpec.Mode.valueOf(required(f, "mode").toUpperCase()),
                    TestSpec.Protocol.valueOf(required(f, "proto").toUpperCase()),
                    TestSpec.Direction.valueOf(required(f, "dir").toUpperCase()),
                    Integer.parseInt(required(f, "streams")),
                    Integer.parseInt(required(f, "len")),
                    Long.parseLong(required(f, "rate")),
                    Integer.parseInt(required(f, "conns")),
                    Integer.parseInt(required(f, "depth")),
                    Duration.ofMillis(Long.parseLong(required(f, "time_ms"))),
                    Duration.ofMillis(Long.parseLong(required(f, "warmup_ms"))));
            return new Hello(Long.parseUnsignedLong(required(f, "cookie"), 16), spec);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in \"" + shorten(line) + "\"");
        }
    }

    /** A data connection's first line (no {@code \n}). */
    public static String data(long cookie, int stream, Role role) {
        return "DATA " + Long.toHexString(cookie) + " " + stream + " " + role.name().toLowerCase();
    }

    /** A data connection's first line, read. */
    public record Data(long cookie, int stream, Role role) {
    }

    /**
     * Reads a data connection's first line.
     * @throws IllegalArgumentException if it is not one
     */
    public static Data parseData(String line) {
        String[] w = line.split(" ");
        if (w.length != 4 || !w[0].equals("DATA")) {
            throw new IllegalArgumentException("not a data line: \"" + shorten(line) + "\"");
        }
        try {
            return new Data(Long.parseUnsignedLong(w[1], 16), Integer.parseInt(w[2]), Role.valueOf(w[3].toUpperCase()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in \"" + shorten(line) + "\"");
        }
    }

    /** The client's last line: the UDP datagrams each stream sent (empty for TCP). */
    public static String end(List<Long> sent) {
        return "END sent=" + list(sent);
    }

    /** The datagrams sent per stream, from an {@code END} line. */
    public static List<Long> parseEnd(String line) {
        if (!line.startsWith("END")) {
            throw new IllegalArgumentException("expected END, got \"" + shorten(line) + "\"");
        }
        return longs(fields(line.substring(3).trim()).getOrDefault("sent", ""));
    }

    /** The server's answer to {@code END}. */
    public static String result(ServerReport r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("bytes", list(r.bytes()));
        f.put("datagrams", list(r.datagrams()));
        f.put("lost", list(r.lost()));
        f.put("ooo", list(r.outOfOrder()));
        f.put("jitter_ns", list(r.jitterNanos()));
        f.put("held", Long.toString(r.held()));
        return "RESULT " + join(f);
    }

    /**
     * Reads the server's answer to {@code END}.
     * @throws IllegalArgumentException if it is an {@code ERR} line (with its reason) or not a result
     */
    public static ServerReport parseResult(String line) {
        if (line.startsWith("ERR ")) {
            throw new IllegalArgumentException(line.substring(4));
        }
        if (!line.startsWith("RESULT")) {
            throw new IllegalArgumentException("expected RESULT, got \"" + shorten(line) + "\"");
        }
        Map<String, String> f = fields(line.substring(6).trim());
        try {
            return new ServerReport(longs(f.getOrDefault("bytes", "")), longs(f.getOrDefault("datagrams", "")),
                    longs(f.getOrDefault("lost", "")), longs(f.getOrDefault("ooo", "")),
                    longs(f.getOrDefault("jitter_ns", "")), Long.parseLong(f.getOrDefault("held", "0")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in \"" + shorten(line) + "\"");
        }
    }

    private static String required(Map<String, String> f, String key) {
        String v = f.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing field " + key);
        }
        return v;
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String word : text.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                f.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return f;
    }

    private static String join(Map<String, String> f) {
        StringBuilder s = new StringBuilder();
        f.forEach((k, v) -> s.append(s.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }

    private static String list(List<Long> values) {
        StringBuilder s = new StringBuilder();
        for (long v : values) {
            s.append(s.isEmpty() ? "" : ",").append(v);
        }
        return s.toString();
    }

    private static List<Long> longs(String text) {
        List<Long> out = new ArrayList<>();
        if (!text.isEmpty()) {
            Arrays.stream(text.split(",")).map(Long::parseLong).forEach(out::add);
        }
        return List.copyOf(out);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
