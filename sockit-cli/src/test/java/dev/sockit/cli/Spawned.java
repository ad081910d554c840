package dev.sockit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process a test talks to while it runs (a {@code sockit -l}, an {@code ncat}, a
 * {@code python3} peer): stdin written on demand, stdout and stderr collected as they come.
 * Every wait is bounded; {@link #close()} kills what is still running.
 */
public final class Spawned implements AutoCloseable {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final List<String> command;
    private final Process process;
    private final Collector stdout;
    private final Collector stderr;

    private Spawned(List<String> command, Process process) {
        this.command = List.copyOf(command);
        this.process = process;
        this.stdout = new Collector(process.getInputStream());
        this.stderr = new Collector(process.getErrorStream());
    }

    /** Starts {@code command}. */
    public static Spawned start(List<String> command) throws IOException {
        return new Spawned(command, new ProcessBuilder(command).start());
    }

    /** Starts {@code java -jar sockit.jar args}. */
    public static Spawned sockit(String... args) throws IOException {
        return start(SockitProcess.command(args));
    }

    /** The process's stdin; close it to send EOF. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Writes {@code text} (UTF-8) to stdin and flushes. */
    public Spawned write(String text) throws IOException {
        stdin().write(text.getBytes(StandardCharsets.UTF_8));
        stdin().flush();
        return this;
    }

    /** Closes stdin: the process reads EOF. */
    public Spawned closeStdin() throws IOException {
        stdin().close();
        return this;
    }

    /** Everything on stdout so far, as bytes. */
    public byte[] stdoutBytes() {
        return stdout.bytes();
    }

    /** Everything on stdout so far (UTF-8). */
    public String stdout() {
        return new String(stdout.bytes(), StandardCharsets.UTF_8);
    }

    /** Everything on stderr so far (UTF-8). */
    public String stderr() {
        return new String(stderr.bytes(), StandardCharsets.UTF_8);
    }

    /** Waits until stdout satisfies {@code condition}; fails the test after 20 s. */
    public String awaitStdout(Predicate<String> condition) throws InterruptedException {
        return await("stdout", stdout, condition);
    }

    /** Waits until stderr satisfies {@code condition}; fails the test after 20 s. */
    public String awaitStderr(Predicate<String> condition) throws InterruptedException {
        return await("stderr", stderr, condition);
    }

    /** Waits up to {@code timeout} for stderr to satisfy {@code condition}; whether it did (no failure). */
    public boolean stderrWithin(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(stderr())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            stderr.awaitMore(Math.max(1, Math.min(50, left / 1_000_000)));
        }
        return true;
    }

    /** Waits up to {@code timeout} for the process to exit; whether it did (no failure). */
    public boolean exitsWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the exit status; fails the test (and kills the process) after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " still running after " + timeout.toMillis() + " ms; stderr: " + stderr());
        }
        stdout.join();
        stderr.join();
        return process.exitValue();
    }

    /** Waits up to 20 s for the exit status. */
    public int awaitExit() throws InterruptedException {
        return awaitExit(DEFAULT_WAIT);
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process id (for /proc/PID readings). */
    public long pid() {
        return process.pid();
    }

    /** Kills the process (and its children) if it still runs. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private String await(String what, Collector stream, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
        while (true) {
            String text = new String(stream.bytes(), StandardCharsets.UTF_8);
            if (condition.test(text)) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(command + ": " + what + " never met the condition; " + what + " was: " + text + "; stderr: " + stderr());
            }
            stream.awaitMore(50);
        }
    }

    private static final class Collector {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread reader;

        Collector(InputStream in) {
            reader = Thread.ofVirtual().start(() -> {
                byte[] chunk = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(chunk)) > 0; ) {
                        synchronized (buffer) {
                            buffer.write(chunk, 0, n);
                            buffer.notifyAll();
                        }
                    }
                } catch (IOException closed) {
                    // the process ended or was killed: what was read stays
                }
            });
        }

        byte[] bytes() {
            synchronized (buffer) {
                return buffer.toByteArray();
            }
        }

        void awaitMore(long millis) throws InterruptedException {
            synchronized (buffer) {
                buffer.wait(millis);
            }
        }

        void join() throws InterruptedException {
            reader.join(DEFAULT_WAIT.toMillis());
        }
    }
}
