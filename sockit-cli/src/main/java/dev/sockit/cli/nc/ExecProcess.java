package dev.sockit.cli.nc;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The program of {@code -e}/{@code -c} for one client, with its stdin and stdout pumped on two
 * threads of its own so that no event loop ever blocks on a pipe. Its stderr is the
 * listener's. Its environment names the connection ({@code SOCKIT_REMOTE_ADDR},
 * {@code SOCKIT_REMOTE_PORT}, {@code SOCKIT_LOCAL_ADDR}, {@code SOCKIT_LOCAL_PORT},
 * {@code SOCKIT_PROTO}, and the same under ncat's {@code NCAT_} names).
 *
 * <p>Backpressure both ways: {@link #input} answers {@code false} once more than
 * {@link #HIGH_WATER} bytes wait for the program (stop reading the client; {@code resume} runs
 * when the program has taken them down to {@link #LOW_WATER}), and the output thread waits on
 * {@link Output#awaitRoom} after each chunk. Thread-safe.
 */
final class ExecProcess {
    static final int HIGH_WATER = 1 << 20;
    static final int LOW_WATER = 256 * 1024;
    /** Bytes waiting at most: a TCP client is paused at {@link #HIGH_WATER}, so only a UDP peer gets here. */
    static final int DROP_ABOVE = 4 * HIGH_WATER;
    /** The most one read of the program's output takes: one datagram for a UDP peer. */
    static final int READ_SIZE = 16 * 1024;
    private static final byte[] END = new byte[0];

    /** Where the program's output goes. Called on the output thread. */
    interface Output {
        /** A chunk the program wrote. */
        void data(ByteBuffer chunk);

        /** Blocks while the client cannot take more. */
        void awaitRoom() throws InterruptedException;

        /** The program closed its stdout (it exited, usually): the client's session ends. */
        void ended();
    }

    private final Process process;
    private final LinkedBlockingQueue<byte[]> toProgram = new LinkedBlockingQueue<>();
    private final AtomicLong waiting = new AtomicLong();
    private final Runnable resume;

    private ExecProcess(Process process, Runnable resume) {
        this.process = process;
        this.resume = resume;
    }

    /**
     * Starts {@code command} for the client at {@code remote}, reached on {@code local}.
     *
     * @param resume what restarts reading from the client once the program has caught up
     * @throws IOException if the program cannot be started
     */
    static ExecProcess start(List<String> command, SockAddr remote, SockAddr local, String proto, Output output,
            Runnable resume) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment(remote, local, proto));
        ExecProcess exec = new ExecProcess(builder.start(), resume);
        Thread.ofPlatform().name("sockit-exec-in").daemon().start(exec::feed);
        Thread.ofPlatform().name("sockit-exec-out").daemon().start(() -> drain(exec.process.getInputStream(), output));
        return exec;
    }

    /**
     * The program of {@code -e PROGRAM} (split at white space, no shell) or {@code -c COMMAND}
     * ({@code /bin/sh -c COMMAND}); empty for neither.
     *
     * @throws UsageError for an {@code -e} without a program
     */
    static List<String> command(NetcatOptions options) {
        if (options.execProgram != null) {
            if (options.execProgram.isBlank()) {
                throw new UsageError("-e \"\": no program given");
            }
            return List.of(options.execProgram.strip().split("\\s+"));
        }
        return options.shellCommand != null ? List.of("/bin/sh", "-c", options.shellCommand) : List.of();
    }

    /** The environment a program sees for the client at {@code remote}. */
    static Map<String, String> environment(SockAddr remote, SockAddr local, String proto) {
        Map<String, String> env = new HashMap<>();
        for (String prefix : List.of("SOCKIT_", "NCAT_")) {
            env.put(prefix + "REMOTE_ADDR", host(remote));
            env.put(prefix + "REMOTE_PORT", port(remote));
            env.put(prefix + "LOCAL_ADDR", host(local));
            env.put(prefix + "LOCAL_PORT", port(local));
            env.put(prefix + "PROTO", proto.toUpperCase(java.util.Locale.ROOT));
        }
        return env;
    }

    /** An address without its port: {@code 127.0.0.1} (IPv4-mapped as IPv4), {@code ::1}, a UNIX path ({@code ""} unnamed). */
    static String host(SockAddr address) {
        return switch (address) {
            case InetSockAddr inet -> EventLog.plain(inet).address().toString();
            case UnixSockAddr unix -> unix.path();
        };
    }

    private static String port(SockAddr address) {
        return address instanceof InetSockAddr inet ? Integer.toString(inet.port()) : "";
    }

    /**
     * Queues a copy of {@code data} for the program (consumed); {@code false}: stop reading the
     * client. Past {@link #DROP_ABOVE} waiting bytes the data is dropped instead.
     */
    boolean input(ByteBuffer data) {
        if (waiting.get() > DROP_ABOVE) {
            data.position(data.limit()); // a UDP peer cannot be paused: past the bound its datagrams are dropped
            return false;
        }
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        if (copy.length == 0) {
            return true;
        }
        long now = waiting.addAndGet(copy.length);
        toProgram.add(copy);
        return now <= HIGH_WATER;
    }

    /** The client finished sending: the program's stdin is closed once what is queued is written. */
    void endInput() {
        toProgram.add(END);
    }

    /** The client is gone: the program's stdin closes, and the program is killed if it does not end by itself. */
    void abandon() {
        endInput();
        process.onExit().orTimeout(2, java.util.concurrent.TimeUnit.SECONDS).exceptionally(timeout -> {
            process.destroyForcibly();
            return process;
        });
    }

    /**
     * The session is over: the program's stdin closes, and this blocks until the program has
     * ended, killing it if it is still running after {@code grace}.
     */
    void finish(java.time.Duration grace) {
        endInput();
        try {
            if (!process.waitFor(grace.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                process.destroyForcibly().waitFor(grace.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void feed() {
        try (OutputStream in = process.getOutputStream()) {
            while (true) {
                byte[] chunk = toProgram.take();
                if (chunk == END) {
                    return;
                }
                try {
                    in.write(chunk);
                    in.flush();
                } catch (IOException gone) {
                    // The program closed its stdin: what the client sends is dropped, as a pipe would.
                }
                long left = waiting.addAndGet(-chunk.length);
                if (left <= LOW_WATER && left + chunk.length > LOW_WATER) {
                    resume.run();
                }
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void drain(InputStream out, Output output) {
        byte[] buffer = new byte[READ_SIZE];
        try (out) {
            for (int n; (n = out.read(buffer)) > 0; ) {
                output.data(ByteBuffer.wrap(buffer, 0, n));
                output.awaitRoom();
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            output.ended();
        }
    }
}
