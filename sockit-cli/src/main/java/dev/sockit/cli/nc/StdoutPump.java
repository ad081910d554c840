package dev.sockit.cli.nc;

import dev.sockit.server.Connection;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The listener's stdout: what clients send, merged in arrival order, written by one thread so
 * that a slow stdout never blocks an event loop.
 *
 * <p>Design note. Bytes are copied into pooled direct chunks and queued; the writer thread
 * writes them with gathering writes and returns the chunks. The queue is bounded in bytes:
 * once more than {@link #HIGH_WATER} bytes wait, {@link #offer} answers {@code false} and the
 * caller stops reading from its connection ({@link #pause}); when the writer has brought the
 * queue down to {@link #LOW_WATER} it resumes every paused connection. At most one read per
 * connection can land after the mark, so the heap stays bounded by the marks plus one read
 * buffer per connection. UDP cannot be paused: {@link #offerOrDrop} drops a datagram instead
 * once {@link #HIGH_WATER} bytes wait.
 *
 * <p>Thread-safe. {@link #finish} writes everything queued before it returns: every exit path
 * of listen mode goes through it, so nothing received is lost.
 *
 * <p>Inline writing ({@link #writeInline}) is the exception, for the plain listener with one
 * client (no {@code -k}) once its stdin is done: from then on, as soon as the queue has
 * drained, {@link #offer} writes on the caller's thread, blocking until stdout took every
 * byte, with no copy and no hand-off to the writer thread. That caller is an event loop, which
 * the engine's handlers must otherwise never block; here it may, because the loop then serves
 * this one connection only and the listener accepts no other. A stdout that is behind stops
 * the loop reading, so the sender meets TCP backpressure and memory stays bounded by the read
 * buffer. Not before stdin is done: the loop also sends what the stdin thread gives, and a
 * stdout that waits on that (a relay through a FIFO) would wait forever. Measured in
 * docs/benchmarks.md ("Netcat pipe speed"): the hand-off cost a context switch per read.
 */
final class StdoutPump {
    static final int HIGH_WATER = 4 << 20;
    static final int LOW_WATER = 1 << 20;
    private static final int CHUNK = ListenMode.READ_BUFFER;
    private static final int MAX_GATHER = 16;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final WritableByteChannel out;
    private final LinkedBlockingQueue<ByteBuffer> queue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Connection> paused = new ConcurrentLinkedQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<IOException> onFailure;
    private final Thread writer;
    private volatile boolean inline;
    private volatile boolean failed;

    /**
     * @param out where bytes go (the process's stdout)
     * @param onFailure told once, on the writer thread, when a write fails (stdout closed)
     */
    StdoutPump(WritableByteChannel out, Consumer<IOException> onFailure) {
        this.out = out;
        this.onFailure = onFailure;
        this.writer = Thread.ofPlatform().name("sockit-stdout").daemon().start(this::run);
    }

    /** A pump on the process's stdout. */
    static StdoutPump stdout(Consumer<IOException> onFailure) {
        return new StdoutPump(new FileOutputStream(FileDescriptor.out).getChannel(), onFailure);
    }

    /**
     * From now on {@link #offer} writes on its caller's thread once the queue has drained
     * (see the class note). Only for a pump with one caller of {@link #offer}, which then
     * blocks while stdout is behind. Any thread.
     */
    void writeInline() {
        inline = true;
    }

    /**
     * Queues a copy of {@code data}'s remaining bytes (consumed). Never blocks, except after
     * {@link #writeInline}: then, once the queue has drained, it writes them before it returns.
     *
     * @return whether there is room for more; {@code false}: stop reading and {@link #pause}
     */
    boolean offer(ByteBuffer data) {
        if (failed) {
            data.position(data.limit());
            return true;
        }
        if (inline && queued.get() == 0) {
            writeNow(data);
            return true;
        }
        long total = 0;
        while (data.hasRemaining()) {
            ByteBuffer chunk = free.poll();
            if (chunk == null) {
                chunk = ByteBuffer.allocateDirect(CHUNK);
            }
            chunk.clear();
            int n = Math.min(chunk.remaining(), data.remaining());
            chunk.put(chunk.position(), data, data.position(), n).limit(n);
            data.position(data.position() + n);
            total += n;
            queue.add(chunk);
        }
        return queued.addAndGet(total) <= HIGH_WATER;
    }

    /** Queues {@code data} (one datagram) unless {@link #HIGH_WATER} bytes wait; then drops it and counts. */
    boolean offerOrDrop(ByteBuffer data) {
        if (queued.get() > HIGH_WATER) {
            data.position(data.limit());
            dropped.incrementAndGet();
            return false;
        }
        offer(data);
        return true;
    }

    /** Stops reading from {@code connection} until the queue has drained to {@link #LOW_WATER}. */
    void pause(Connection connection) {
        connection.setAutoRead(false);
        paused.add(connection);
        if (queued.get() <= LOW_WATER) {
            resumeAll();
        }
    }

    /** Datagrams dropped because stdout was behind. */
    long dropped() {
        return dropped.get();
    }

    /**
     * Blocks until everything queued so far is written (or stdout failed), then stops the
     * writer; gives up waiting after {@code timeout} (a stdout that never drains).
     */
    void finish(Duration timeout) throws InterruptedException {
        queue.add(END);
        writer.join(timeout);
    }

    private void writeNow(ByteBuffer data) {
        try {
            while (data.hasRemaining()) {
                out.write(data);
            }
        } catch (IOException e) {
            data.position(data.limit());
            failed = true;
            onFailure.accept(e);
        }
    }

    private void run() {
        ByteBuffer[] batch = new ByteBuffer[MAX_GATHER];
        try {
            while (true) {
                ByteBuffer first = queue.take();
                if (first == END) {
                    return;
                }
                int k = 0;
                batch[k++] = first;
                boolean end = false;
                for (ByteBuffer next; k < MAX_GATHER && (next = queue.peek()) != null; ) {
                    queue.poll();
                    if (next == END) {
                        end = true;
                        break;
                    }
                    batch[k++] = next;
                }
                write(batch, k);
                if (end) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(ByteBuffer[] batch, int k) {
        long bytes = 0;
        for (int i = 0; i < k; i++) {
            bytes += batch[i].remaining();
        }
        if (!failed) {
            try {
                writeAll(batch, k);
            } catch (IOException e) {
                failed = true;
                onFailure.accept(e);
            }
        }
        for (int i = 0; i < k; i++) {
            free.add(batch[i]);
            batch[i] = null;
        }
        if (queued.addAndGet(-bytes) <= LOW_WATER && !paused.isEmpty()) {
            resumeAll();
        }
    }

    private void writeAll(ByteBuffer[] batch, int k) throws IOException {
        if (out instanceof java.nio.channels.GatheringByteChannel gathering) {
            int from = 0;
            while (from < k) {
                gathering.write(batch, from, k - from);
                while (from < k && !batch[from].hasRemaining()) {
                    from++;
                }
            }
        } else {
            for (int i = 0; i < k; i++) {
                while (batch[i].hasRemaining()) {
                    out.write(batch[i]);
                }
            }
        }
    }

    private void resumeAll() {
        for (Connection c; (c = paused.poll()) != null; ) {
            c.setAutoRead(true);
        }
    }
}
