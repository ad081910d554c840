package dev.sockit.cli.nc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Standard input to the peer, on its own thread: read a chunk, shape it ({@code -C} CRLF,
 * {@code -d} one line at a time with the delay between lines), send it, record it, repeat;
 * at end of input, run the end-of-input action. One buffer is reused, so memory is bounded
 * and a slow peer slows the reading of standard input (backpressure).
 *
 * <p>It also answers the end-of-stream rules' question "is standard input idle?": the thread
 * is blocked reading and nothing is waiting ({@link StdinSource#hasWaitingInput}).
 *
 * <p>Threads: {@link #run} on the uplink thread; {@link #idle}, {@link #reads},
 * {@link #awaitProgress}, {@link #awaitFinished} and {@link #finished} from any thread. {@code lock} guards
 * {@code reading}, {@code reads} and {@code finished}.
 */
final class Uplink implements Runnable {
    /** Where shaped data goes: the socket. */
    interface Link {
        /** Sends all of {@code data} (for datagrams: in datagrams of at most the largest size). */
        void send(ByteBuffer data) throws IOException;
    }

    private final StdinSource stdin;
    private final Link link;
    private final int bufferSize;
    private final LineShaper shaper;
    private final TrafficTap tap;
    private final Activity activity;
    private final AtomicLong sent;
    private final Ending ending;
    private final Runnable onEndOfInput;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private final Condition done = lock.newCondition();
    private boolean reading;
    private long reads;
    private boolean finished;

    Uplink(StdinSource stdin, Link link, int bufferSize, NetcatOptions options, TrafficTap tap, Activity activity,
            AtomicLong sent, Ending ending, Runnable onEndOfInput) {
        this.stdin = stdin;
        this.link = link;
        this.bufferSize = bufferSize;
        this.shaper = new LineShaper(options, bufferSize);
        this.tap = tap;
        this.activity = activity;
        this.sent = sent;
        this.ending = ending;
        this.onEndOfInput = onEndOfInput;
    }

    /** Starts the uplink on a daemon thread (it may stay blocked reading standard input at exit). */
    Uplink start() {
        Thread thread = new Thread(this, "sockit-uplink");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(bufferSize);
        while (!ending.ended()) {
            buffer.clear();
            int n;
            setReading(true);
            try {
                n = stdin.read(buffer);
            } catch (IOException e) {
                ending.fail(ExitStatus.NETWORK, "error", "read standard input: " + e.getMessage());
                return;
            } finally {
                setReading(false);
            }
            if (n < 0) {
                finish();
                onEndOfInput.run();
                return;
            }
            buffer.flip();
            try {
                shaper.send(buffer, ending::awaitFor, this::send);
            } catch (IOException e) {
                ending.failed(e);
                return;
            }
            signalProgress();
        }
    }

    /** Whether the uplink is blocked reading standard input with nothing waiting there. */
    boolean idle() {
        lock.lock();
        try {
            return !finished && reading && !stdin.hasWaitingInput();
        } finally {
            lock.unlock();
        }
    }

    /** How many reads of standard input have started; tells a read that returned in between. */
    long reads() {
        lock.lock();
        try {
            return reads;
        } finally {
            lock.unlock();
        }
    }

    /** Whether standard input reached its end and all of it was sent. */
    boolean finished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a chunk was sent, a read started or ended, or {@code time} passed. */
    void awaitProgress(Duration time) {
        lock.lock();
        try {
            progress.awaitNanos(time.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until standard input reached its end and all of it was sent, or {@code time}
     * passed. Unlike {@link #awaitProgress} it does not wake for every chunk sent: a watcher
     * woken per chunk (three times per 64 KiB read of a pipe) cost the pipe a third of its speed.
     */
    void awaitFinished(Duration time) {
        lock.lock();
        try {
            if (!finished) {
                done.awaitNanos(time.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records, then sends: recorded first so that a reply cannot be logged before the request
     * that caused it (the downlink records on its own thread). A send that fails ends the
     * session with an error, so a log that holds more than was sent says so.
     */
    private void send(ByteBuffer data) throws IOException {
        int length = data.remaining();
        tap.record(TrafficTap.Direction.SENT, data);
        link.send(data);
        sent.addAndGet(length);
        activity.touch();
    }

    private void setReading(boolean now) {
        lock.lock();
        try {
            reading = now;
            if (now) {
                reads++;
            }
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signalProgress() {
        lock.lock();
        try {
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void finish() {
        lock.lock();
        try {
            finished = true;
            progress.signalAll();
            done.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
