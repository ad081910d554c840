package dev.sockit.addr;

import dev.sockit.testing.CProgram;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code src/test/c/inet6_oracle.c}, glibc's {@code inet_pton}/{@code inet_ntop}: asked a
 * whole table at once ({@link #differences}, {@link #askAll}) or kept open and asked one question at a time
 * ({@link #start}, {@link #ask}), as a property test does.
 */
final class GlibcOracle implements AutoCloseable {
    private final Process process;
    private final BufferedWriter requests;
    private final BufferedReader answers;

    private GlibcOracle(Process process) {
        this.process = process;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.ISO_8859_1));
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    /** Compiles the oracle if needed and starts one process of it. */
    static GlibcOracle start() throws IOException, InterruptedException {
        CProgram program = CProgram.compile("inet6_oracle");
        return new GlibcOracle(new ProcessBuilder(program.executable().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start());
    }

    /** Runs every query through one oracle process; returns each disagreement, one per line. */
    static List<String> differences(List<GlibcQuery> queries) throws IOException, InterruptedException {
        List<String> glibc;
        try (GlibcOracle oracle = start()) {
            glibc = oracle.askAll(queries.stream().map(GlibcQuery::request).toList());
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String sockit = answerOf(queries.get(i));
            if (!sockit.equals(glibc.get(i))) {
                differences.add(queries.get(i) + ": glibc " + glibc.get(i) + ", sockit " + sockit);
            }
        }
        return differences;
    }

    /**
     * Sends every request line and returns glibc's answer lines, in order. A thread of its own
     * writes while this one reads, so neither pipe can fill and stall the other.
     */
    List<String> askAll(List<String> lines) throws IOException, InterruptedException {
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().name("inet6-oracle-writer").start(() -> {
            try {
                for (String line : lines) {
                    requests.write(line);
                    requests.write('\n');
                }
                requests.flush();
            } catch (IOException e) {
                writeFailure.set(e);
            }
        });
        List<String> glibc = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String answer = answers.readLine();
            if (answer == null) {
                throw new IllegalStateException("oracle ended after " + i + " of " + lines.size() + " answers", writeFailure.get());
            }
            glibc.add(answer);
        }
        writer.join();
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
        return glibc;
    }

    /** Sends one request line and returns glibc's answer line. */
    String ask(String request) throws IOException {
        requests.write(request);
        requests.write('\n');
        requests.flush();
        String answer = answers.readLine();
        if (answer == null) {
            throw new IllegalStateException("oracle ended before answering " + request);
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        requests.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("oracle did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted waiting for the oracle to exit", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("oracle exited " + process.exitValue());
        }
    }

    private static String answerOf(GlibcQuery query) {
        try {
            return query.sockitAnswer();
        } catch (RuntimeException e) {
            return "threw " + e;
        }
    }
}
