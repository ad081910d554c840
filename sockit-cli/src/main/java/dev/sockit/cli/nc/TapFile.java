package dev.sockit.cli.nc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The file a tap writes: opened truncated or for appending, written whole buffer by buffer
 * under one lock, the first write error kept for {@link #close} to report (later writes are
 * dropped), so that a full disk never ends a session.
 *
 * <p>Thread-safe: {@code lock} guards the channel and {@code failure}.
 */
final class TapFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final ReentrantLock lock = new ReentrantLock();
    /** The first write error; guarded by lock. */
    private IOException failure;

    private TapFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Opens {@code path} for writing, created if missing, truncated unless {@code append}.
     *
     * @param flag the flag that named the file, for the message
     * @throws UsageError if the file cannot be opened, naming it and why
     */
    static TapFile open(String flag, Path path, boolean append) {
        Set<StandardOpenOption> how = EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        how.add(append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return new TapFile(path, FileChannel.open(path, how));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UsageError(flag + " " + path + ": cannot open for writing (" + reason(e) + ")");
        }
    }

    /** Writes the remaining bytes of {@code buffer} as one piece; consumes them. */
    void write(ByteBuffer buffer) {
        write(() -> buffer);
    }

    /**
     * Makes a piece and writes it under the file's lock, so pieces made from the clock (the
     * hex dump's timestamps) are in the file in the order they were made.
     */
    void write(Supplier<ByteBuffer> piece) {
        lock.lock();
        try {
            if (failure != null) {
                return;
            }
            ByteBuffer buffer = piece.get();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the file; throws the first write error, naming the file. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            channel.close();
            if (failure != null) {
                throw new IOException(path + ": write failed (" + reason(failure) + ")", failure);
            }
        } finally {
            lock.unlock();
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
