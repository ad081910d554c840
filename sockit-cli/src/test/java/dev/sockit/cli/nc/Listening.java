package dev.sockit.cli.nc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Waits until a peer tool listens, by reading the kernel's socket tables ({@code /proc/net/tcp},
 * {@code tcp6}, {@code udp}, {@code udp6}), so the test never connects to find out (which
 * would take the one connection an {@code ncat -l} serves). Every wait is bounded.
 */
final class Listening {
    private static final long WAIT_NANOS = 20_000_000_000L;

    private Listening() {
    }

    /** Waits until a TCP socket listens on {@code port}. */
    static void awaitTcp(int port) throws IOException, InterruptedException {
        await(port, List.of("/proc/net/tcp", "/proc/net/tcp6"), "0A");
    }

    /** Waits until a UDP socket is bound to {@code port}. */
    static void awaitUdp(int port) throws IOException, InterruptedException {
        await(port, List.of("/proc/net/udp", "/proc/net/udp6"), "07");
    }

    /** Waits until {@code path} exists. */
    static void awaitPath(Path path) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!Files.exists(path)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing listens on " + path + " after 20 s");
            }
            Thread.sleep(20);
        }
    }

    private static void await(int port, List<String> tables, String state) throws IOException, InterruptedException {
        String local = ":" + String.format(Locale.ROOT, "%04X", port) + " ";
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            for (String table : tables) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && (fields[1] + " ").endsWith(local) && fields[3].equals(state)) {
                        return;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing listens on port " + port + " after 20 s");
            }
            Thread.sleep(20);
        }
    }
}
