package dev.sockit.testing;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A C program from {@code src/test/c}, compiled with the machine's gcc into
 * {@code target/c-bin} (again only when the source is newer), and run as an oracle: glibc's
 * answer to compare sockit's with.
 *
 * <p>{@link #run} feeds it lines on stdin and returns its stdout lines; a program that exits
 * non-zero, writes to stderr or runs over 60 s fails the test.
 */
public final class CProgram {
    private static final Path SOURCES = Paths.get("src", "test", "c");
    private static final Path BINARIES = Paths.get("target", "c-bin");

    private final Path executable;

    private CProgram(Path executable) {
        this.executable = executable;
    }

    /** Compiles {@code src/test/c/NAME.c} (if its binary is missing or older) and returns the program. */
    public static CProgram compile(String name) throws IOException, InterruptedException {
        Path source = SOURCES.resolve(name + ".c");
        Path binary = BINARIES.resolve(name);
        Files.createDirectories(BINARIES);
        if (!Files.exists(binary) || Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) < 0) {
            Process gcc = new ProcessBuilder("gcc", "-O1", "-Wall", "-Werror", "-o", binary.toString(), source.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                throw new IllegalStateException("gcc failed for " + source + ":\n" + output);
            }
        }
        return new CProgram(binary.toAbsolutePath());
    }

    /** The path of the compiled program, to run as a process of one's own. */
    public Path executable() {
        return executable;
    }

    /** Runs the program with {@code args}, writes {@code input} lines to it and returns its output lines. */
    public List<String> run(List<String> input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        // Threads of their own: the common pool has a single worker on a 2-core machine, and the
        // writer queued behind the stderr reader would leave the program waiting for input.
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), io);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.ISO_8859_1))) {
                for (String line : input) {
                    out.write(line);
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, io);
        io.shutdown();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(executable + " ran over 60 s");
        }
        writer.join();
        String errors = stderr.join();
        if (process.exitValue() != 0 || !errors.isEmpty()) {
            throw new IllegalStateException(executable + " exited " + process.exitValue() + ": " + errors);
        }
        return lines;
    }

    private static String readAll(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
