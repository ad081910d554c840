package dev.sockit.addr;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The machine's Python 3 (or a C program) as the resolver tests' oracle: Python's {@code socket}
 * module calls glibc's {@code getaddrinfo}, {@code getnameinfo} and {@code getservbyname}
 * directly. One process per call; one that fails, writes to stderr or runs over 60 s fails the test.
 * Also the JSON string form both sides print values in, {@link #json}.
 */
final class ResolverOracle {
    private ResolverOracle() {
    }

    /** Runs {@code python3 -c script}, writes {@code input} lines to it and returns its output lines. */
    static List<String> python(String script, List<String> input) throws IOException, InterruptedException {
        return run(List.of("python3", "-c", script), input);
    }

    /**
     * Runs {@code command}, writes {@code input} lines to it and returns its output lines. The
     * writer and the stderr reader are threads of their own, never a shared pool's: on a host
     * with two CPUs the common pool has one worker, and a blocked reader would starve the writer.
     */
    static List<String> run(List<String> command, List<String> input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> stderr = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.completeExceptionally(e);
            }
        });
        CompletableFuture<Void> writer = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
                for (String line : input) {
                    out.write(line);
                    out.write('\n');
                }
                writer.complete(null);
            } catch (IOException e) {
                writer.completeExceptionally(e);
            }
        });
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " ran over 60 s");
        }
        writer.join();
        String errors = stderr.join();
        if (process.exitValue() != 0 || !errors.isEmpty()) {
            throw new IllegalStateException(command.get(0) + " exited " + process.exitValue() + ": " + errors);
        }
        return lines;
    }

    /** {@code text} as Python's {@code json.dumps} writes a string (ASCII only); {@code null} as {@code null}. */
    static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
