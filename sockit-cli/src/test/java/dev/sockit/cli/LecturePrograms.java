package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The lecture's programs as processes, in both implementations: the C originals
 * ({@code src/test/c/lecture_*.c}, compiled with the machine's gcc into {@code target/c-bin},
 * again only when the source is newer) and their Java versions ({@code sockit example NAME},
 * run from the jar the build just made).
 *
 * <p>Every process is bounded: a run that does not end within {@link #EXIT_WITHIN} is killed
 * and fails the test, and {@link #close} kills what a failed test left running. Ports are
 * the kernel's free ones, never fixed. A server is ready when a client gets through, never
 * after a sleep: a TCP client is run again while it is refused; a UDP server is sent a probe
 * datagram until it answers instead of ICMP port unreachable (so it is started with a COUNT
 * one above the datagrams the test itself sends). Output is read as ISO-8859-1, so a string
 * holds the bytes a program wrote, one char each.
 */
final class LecturePrograms implements AutoCloseable {
    static final String LOOPBACK = "127.0.0.1";
    static final Duration EXIT_WITHIN = Duration.ofSeconds(15);
    static final Duration READY_WITHIN = Duration.ofSeconds(10);
    static final String REFUSED = "ERROR connecting: Connection refused\n";

    private static final Path SOURCES = Paths.get("src", "test", "c");
    private static final Path BINARIES = Paths.get("target", "c-bin");
    private static final byte[] PROBE = "probe".getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, Path> COMPILED = new ConcurrentHashMap<>();

    private final Path temp;
    private final List<Process> started = new ArrayList<>();

    /** The implementations of a program. */
    enum Impl {
        C, JAVA
    }

    /**
     * A program to start: its command line and what it prints as its name ({@code argv[0]}
     * in the C program's usage line).
     */
    record Program(Impl impl, String name, List<String> command, String argv0) {
        @Override
        public String toString() {
            return impl + " " + name;
        }
    }

    /** The exit status and the complete stdout and stderr of a finished program. */
    record Outcome(int status, String stdout, String stderr) {
        /** This outcome with {@code from} replaced by {@code to} in both outputs. */
        Outcome replace(String from, String to) {
            return new Outcome(status, stdout.replace(from, to), stderr.replace(from, to));
        }
    }

    /** A started program whose stdout and stderr are read to their end as it runs. */
    record Run(Process process, FutureTask<String> stdout, FutureTask<String> stderr) {
        Outcome await() throws InterruptedException, ExecutionException, TimeoutException {
            if (!process.waitFor(EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new TimeoutException(process.info().commandLine().orElse("program") + " ran over " + EXIT_WITHIN);
            }
            return new Outcome(process.exitValue(),
                    stdout.get(EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS),
                    stderr.get(EXIT_WITHIN.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** @param temp a directory for the files given to programs as stdin */
    LecturePrograms(Path temp) {
        this.temp = temp;
    }

    /** The program {@code name} ({@code tcp-server}, {@code udp-client}, ...) in {@code impl}. */
    static Program program(Impl impl, String name) throws Exception {
        return switch (impl) {
            case C -> {
                Path executable = compile("lecture_" + name.replace('-', '_'));
                yield new Program(impl, name, List.of(executable.toString()), executable.toString());
            }
            case JAVA -> new Program(impl, name, SockitProcess.command("example", name), "sockit example " + name);
        };
    }

    /** Compiles {@code src/test/c/NAME.c} if its binary is missing or older; returns the binary's path. */
    private static Path compile(String name) throws Exception {
        Path known = COMPILED.get(name);
        if (known != null) {
            return known;
        }
        Path source = SOURCES.resolve(name + ".c");
        Path binary = BINARIES.resolve(name);
        Files.createDirectories(BINARIES);
        if (!Files.exists(binary) || Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) < 0) {
            Process gcc = new ProcessBuilder("gcc", "-O1", "-Wall", "-Werror", "-o", binary.toString(), source.toString())
                    .redirectErrorStream(true)
                    .start();
            FutureTask<String> output = drain(gcc.getInputStream());
            if (!gcc.waitFor(60, TimeUnit.SECONDS)) {
                gcc.destroyForcibly();
                throw new IllegalStateException("gcc ran over 60 s for " + source);
            }
            if (gcc.exitValue() != 0) {
                throw new IllegalStateException("gcc failed for " + source + ":\n" + output.get(10, TimeUnit.SECONDS));
            }
        }
        Path absolute = binary.toAbsolutePath();
        COMPILED.put(name, absolute);
        return absolute;
    }

    /** Starts {@code program}; its stdin holds the bytes of {@code input} (one per char), or is empty if null. */
    Run start(Program program, String input, String... args) throws IOException {
        List<String> command = new ArrayList<>(program.command());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (input != null) {
            Path stdin = Files.createTempFile(temp, "stdin", ".txt");
            builder.redirectInput(Files.writeString(stdin, input, StandardCharsets.ISO_8859_1).toFile());
        }
        Process process = builder.start();
        started.add(process);
        if (input == null) {
            process.getOutputStream().close();
        }
        return new Run(process, drain(process.getInputStream()), drain(process.getErrorStream()));
    }

    /** Runs {@code program} to its end. */
    Outcome run(Program program, String input, String... args) throws Exception {
        return start(program, input, args).await();
    }

    /**
     * Runs the TCP {@code client} with {@code host} and {@code port} (the text given as PORT)
     * until the server accepts it, or {@link #READY_WITHIN} is over.
     */
    Outcome runTcpClientUntilAccepted(Program client, String input, String host, String port) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        Outcome outcome = run(client, input, host, port);
        while (outcome.equals(new Outcome(0, "", REFUSED)) && System.nanoTime() - deadline < 0) {
            outcome = run(client, input, host, port);
        }
        return outcome;
    }

    /** Kills every program a test left running. */
    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
    }

    private static FutureTask<String> drain(InputStream stream) {
        FutureTask<String> text = new FutureTask<>(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Thread.ofVirtual().start(text);
        return text;
    }

    /**
     * Sends "probe" from a connected UDP socket until the server on {@code port} answers
     * "ACK: probe" instead of ICMP port unreachable, or {@link #READY_WITHIN} is over.
     *
     * @return the probe's port, which the server prints as the sender's
     */
    static int awaitUdpServer(int port) throws IOException {
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            probe.connect(loopback, port);
            probe.setSoTimeout((int) READY_WITHIN.toMillis());
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (true) {
                DatagramPacket reply = new DatagramPacket(new byte[64], 64);
                try {
                    probe.send(new DatagramPacket(PROBE, PROBE.length));
                    probe.receive(reply);
                } catch (PortUnreachableException notYetBound) {
                    if (System.nanoTime() - deadline >= 0) {
                        throw notYetBound;
                    }
                    continue;
                }
                assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.ISO_8859_1)).isEqualTo("ACK: probe");
                return probe.getLocalPort();
            }
        }
    }

    /** 0.0.0.0:0, which the lecture's servers bind too ({@code INADDR_ANY}). */
    static InetSocketAddress anyPort() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0);
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            return ((InetSocketAddress) channel.bind(anyPort()).getLocalAddress()).getPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)) {
            return ((InetSocketAddress) channel.bind(anyPort()).getLocalAddress()).getPort();
        }
    }
}
