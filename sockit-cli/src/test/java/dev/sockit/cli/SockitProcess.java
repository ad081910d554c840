package dev.sockit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code sockit} as a process, with the JVM this test runs on and the jar the
 * build just made, and returns what it printed and its exit status.
 */
public final class SockitProcess {
    private static final Path JAR = Paths.get(System.getProperty("sockit.jar", "target/sockit.jar"));
    private static final long TIMEOUT_SECONDS = 60;

    /** What a finished run printed, and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> lines() {
            return stdout.lines().toList();
        }
    }

    private SockitProcess() {
    }

    /** Runs {@code java -jar sockit.jar args} with an empty standard input. */
    public static Result run(String... args) throws IOException, InterruptedException {
        return runWithInput("", args);
    }

    /** Runs {@code java -jar sockit.jar args} with {@code input} as its standard input. */
    public static Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        return start(command(args), input);
    }

    /** The command line {@code java -jar sockit.jar args}, for a test that starts the process itself. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Djava.net.preferIPv6Addresses=system");
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs an arbitrary command (the launcher script, a peer tool) the same way. */
    public static Result start(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), readers);
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), readers);
        readers.shutdown();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // the command need not read all its input
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " ran over " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
