package dev.sockit.cli.nc;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * The listener's stdin on its own thread, so that a blocking read never stalls an event loop:
 * reads a chunk only when a client is there to take it, gives it to {@link Sink#data}, and at
 * EOF (or a read error) calls {@link Sink#end} once. What it reads is shaped as in connect mode
 * ({@code -C}, {@code -d}: {@link LineShaper}) and recorded piece by piece. A daemon thread: a read blocked on a
 * terminal does not keep the process alive.
 */
final class StdinReader {
    /** The most one read of stdin takes (TCP). */
    static final int TCP_CHUNK = 64 * 1024;
    /** The most one read takes for UDP: one datagram per read, as ncat. */
    static final int UDP_CHUNK = 16 * 1024;

    /** Where stdin goes. Called on the reader thread only. */
    interface Sink {
        /** Blocks until someone can take data; returns false if the listener is ending. */
        boolean awaitReceiver() throws InterruptedException;

        /** A chunk of stdin; may block for backpressure. */
        void data(ByteBuffer chunk) throws InterruptedException;

        /** stdin ended. */
        void end();
    }

    private StdinReader() {
    }

    /**
     * Starts reading the process's stdin into {@code sink}, at most {@code chunk} bytes a read,
     * shaped by {@code -C}/{@code -d} of {@code options}.
     */
    static Thread start(Sink sink, TrafficTap tap, int chunk, NetcatOptions options) {
        ReadableByteChannel in = new FileInputStream(FileDescriptor.in).getChannel();
        LineShaper shaper = new LineShaper(options, chunk);
        return Thread.ofPlatform().name("sockit-stdin").daemon().start(() -> pump(in, sink, tap, chunk, shaper));
    }

    /** A sink that sends every chunk to every live client of {@code clients}. */
    static Sink fanOut(Clients clients) {
        return new Sink() {
            @Override
            public boolean awaitReceiver() throws InterruptedException {
                return !clients.awaitAny().isEmpty();
            }

            @Override
            public void data(ByteBuffer chunk) throws InterruptedException {
                clients.sendAll(clients.snapshot(), chunk);
            }

            @Override
            public void end() {
                clients.endOutput();
            }
        };
    }

    private static void pump(ReadableByteChannel in, Sink sink, TrafficTap tap, int chunk, LineShaper shaper) {
        ByteBuffer buffer = ByteBuffer.allocate(chunk);
        try {
            while (sink.awaitReceiver()) {
                buffer.clear();
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    n = -1;
                }
                if (n < 0) {
                    sink.end();
                    return;
                }
                buffer.flip();
                shaper.send(buffer, LineShaper.SLEEP, piece -> {
                    tap.record(TrafficTap.Direction.SENT, piece);
                    sink.data(piece);
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
