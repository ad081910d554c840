package dev.sockit.addr;

import dev.sockit.testing.CProgram;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * glibc's answers from {@code src/test/c/inet4_oracle.c} set against sockit's, for a whole batch
 * of queries in one run of the program.
 *
 * <p>Text goes to C as its UTF-8 bytes up to the first NUL, which is where C's string ends;
 * sockit gets the whole Java string, so a NUL in a query also checks that sockit stops there.
 */
final class Inet4Oracle {
    private static final long U32 = 0xffffffffL;

    private Inet4Oracle() {
    }

    /** One call of a C function: {@code text} for the parsers, {@code first}/{@code second} for the rest. */
    record Query(String function, String text, long first, long second) {
        static Query aton(String text) {
            return new Query("aton", text, 0, 0);
        }

        static Query addr(String text) {
            return new Query("addr", text, 0, 0);
        }

        static Query network(String text) {
            return new Query("network", text, 0, 0);
        }

        /** One of {@code ntoa lnaof netof htons ntohs htonl ntohl}. */
        static Query numeric(String function, long value) {
            return new Query(function, null, value, 0);
        }

        static Query makeaddr(long net, long host) {
            return new Query("makeaddr", null, net, host);
        }

        /** The three parser queries for {@code text}. */
        static List<Query> parsers(String text) {
            return List.of(aton(text), addr(text), network(text));
        }

        String oracleLine() {
            if (text != null) {
                int nul = text.indexOf('\0');
                String c = nul < 0 ? text : text.substring(0, nul);
                return function + " " + HexFormat.of().formatHex(c.getBytes(StandardCharsets.UTF_8));
            }
            String line = function + " 0x" + Long.toHexString(first);
            return function.equals("makeaddr") ? line + " 0x" + Long.toHexString(second) : line;
        }

        String sockitAnswer() {
            return switch (function) {
                case "aton" -> Inet.inetAton(text).map(address -> "1 " + hex8(address.hostOrder())).orElse("0");
                case "addr" -> hex8(Inet.inetAddr(text));
                case "network" -> hex8(Inet.inetNetwork(text));
                case "ntoa" -> Inet.inetNtoa(Ipv4Address.ofHostOrder(first & U32));
                case "makeaddr" -> hex8(Inet.inetMakeaddr(first, second).hostOrder());
                case "lnaof" -> hex8(Inet.inetLnaof(Ipv4Address.ofHostOrder(first & U32)));
                case "netof" -> hex8(Inet.inetNetof(Ipv4Address.ofHostOrder(first & U32)));
                case "htons" -> "0x" + Integer.toHexString(NetOrder.htons((int) first));
                case "ntohs" -> "0x" + Integer.toHexString(NetOrder.ntohs((int) first));
                case "htonl" -> "0x" + Long.toHexString(NetOrder.htonl(first));
                case "ntohl" -> "0x" + Long.toHexString(NetOrder.ntohl(first));
                default -> throw new IllegalArgumentException("function: " + function);
            };
        }

        @Override
        public String toString() {
            if (text != null) {
                return function + "(" + quote(text) + ")";
            }
            String args = "0x" + Long.toHexString(first);
            return function + "(" + (function.equals("makeaddr") ? args + ", 0x" + Long.toHexString(second) : args) + ")";
        }
    }

    /** A query on which glibc and sockit answer differently. */
    record Mismatch(Query query, String glibc, String sockit) {
        @Override
        public String toString() {
            return query + ": glibc " + glibc + ", sockit " + sockit;
        }
    }

    /** Runs every query through glibc in one process and returns those sockit answers differently. */
    static List<Mismatch> mismatches(Collection<Query> queries) throws IOException, InterruptedException {
        List<Query> ordered = List.copyOf(queries);
        List<String> lines = new ArrayList<>(ordered.size());
        for (Query query : ordered) {
            lines.add(query.oracleLine());
        }
        List<String> answers = run(lines);
        if (answers.size() != ordered.size()) {
            throw new IllegalStateException("inet4_oracle answered " + answers.size() + " of " + ordered.size() + " queries");
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            String sockit = ordered.get(i).sockitAnswer();
            if (!sockit.equals(answers.get(i))) {
                mismatches.add(new Mismatch(ordered.get(i), answers.get(i), sockit));
            }
        }
        return mismatches;
    }

    /**
     * Runs the oracle with {@code lines} on stdin. The input and stderr go through files so no
     * second thread is needed ({@link CProgram#run} hands its pipes to the common pool, which can
     * be a single worker).
     */
    private static List<String> run(List<String> lines) throws IOException, InterruptedException {
        Path input = Files.createTempFile("inet4_oracle", ".in");
        Path errors = Files.createTempFile("inet4_oracle", ".err");
        try {
            Files.write(input, lines, StandardCharsets.ISO_8859_1);
            Process process = new ProcessBuilder(CProgram.compile("inet4_oracle").executable().toString())
                    .redirectInput(input.toFile())
                    .redirectError(errors.toFile())
                    .start();
            List<String> answers;
            try (BufferedReader out = process.inputReader(StandardCharsets.ISO_8859_1)) {
                answers = out.lines().toList();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("inet4_oracle ran over 60 s");
            }
            String stderr = Files.readString(errors, StandardCharsets.ISO_8859_1);
            if (process.exitValue() != 0 || !stderr.isEmpty()) {
                throw new IllegalStateException("inet4_oracle exited " + process.exitValue() + ": " + stderr);
            }
            return answers;
        } finally {
            Files.delete(input);
            Files.delete(errors);
        }
    }

    /** One line per mismatch, for an assertion message. */
    static String report(List<Mismatch> mismatches) {
        StringBuilder report = new StringBuilder(mismatches.size() + " differences from glibc:");
        for (Mismatch mismatch : mismatches) {
            report.append("\n  ").append(mismatch);
        }
        return report.toString();
    }

    /** {@code text} as a Java literal, long runs shortened, anything unprintable escaped. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        String shown = text.length() > 80 ? text.substring(0, 60) : text;
        for (char c : shown.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                quoted.append(c);
            } else {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        quoted.append('"');
        return text.length() > 80 ? quoted + "...(" + text.length() + " chars)" : quoted.toString();
    }

    private static String hex8(long value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }
}
