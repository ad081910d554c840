package dev.sockit.cli.nc;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The process's standard output (descriptor 1) as a channel, written without buffering in
 * the JVM: what {@link #writeFully} returns from is in the kernel, so no exit path can lose
 * it. For one thread at a time.
 */
final class StdoutSink {
    private final FileChannel channel;

    private StdoutSink(FileChannel channel) {
        this.channel = channel;
    }

    /** Standard output of this process. Never closes descriptor 1. */
    static StdoutSink open() {
        return new StdoutSink(new FileOutputStream(FileDescriptor.out).getChannel());
    }

    /**
     * Writes all remaining bytes of {@code buffer}, blocking while the reader is slow (the
     * backpressure that keeps memory bounded).
     *
     * @throws IOException naming standard output, when the write fails (the reader has gone)
     */
    void writeFully(ByteBuffer buffer) throws IOException {
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new IOException("write to standard output: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }
}
