package dev.sockit.cli.nc;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's standard input (descriptor 0) as a channel, with the one question the end of
 * stream rules ask: is there input waiting right now?
 *
 * <p>How "waiting" is told, without {@code poll(2)}: a regular file always has input waiting
 * (its end is known and near); anything else (a pipe, a terminal, a socket) has input waiting
 * when {@code ioctl(FIONREAD)} counts unread bytes, which is what
 * {@link FileInputStream#available()} asks the kernel for such descriptors. A thread blocked
 * in {@link #read} with nothing waiting means standard input is idle.
 *
 * <p>Reads are for one thread; {@link #hasWaitingInput} may be called from any thread.
 */
final class StdinSource {
    private final FileInputStream stream;
    private final FileChannel channel;
    private final boolean regularFile;

    private StdinSource(FileInputStream stream, boolean regularFile) {
        this.stream = stream;
        this.channel = stream.getChannel();
        this.regularFile = regularFile;
    }

    /** Standard input of this process. Never closes descriptor 0. */
    static StdinSource open() {
        return new StdinSource(new FileInputStream(FileDescriptor.in), Files.isRegularFile(Path.of("/proc/self/fd/0")));
    }

    /**
     * Reads what is there into {@code buffer}, blocking until something is.
     *
     * @return the bytes read, or -1 at end of file (also when descriptor 0 is not open)
     */
    int read(ByteBuffer buffer) throws IOException {
        try {
            return channel.read(buffer);
        } catch (IOException e) {
            if ("Bad file descriptor".equals(e.getMessage())) {
                return -1;
            }
            throw e;
        }
    }

    /** Whether input is waiting to be read now (always, for a regular file); see the class note. */
    boolean hasWaitingInput() {
        if (regularFile) {
            return true;
        }
        try {
            return stream.available() > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
