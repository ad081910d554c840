package dev.sockit.cli.nc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The {@code -o FILE} session log, as ncat's {@code -o}: the raw bytes of both directions, in
 * the order sockit sent and received them, with nothing added. Thread-safe; a write error is
 * reported by {@link #close}.
 */
public final class SessionLog implements TrafficTap {
    private final TapFile file;

    private SessionLog(TapFile file) {
        this.file = file;
    }

    /**
     * Opens the log at {@code path}, truncated unless {@code append} ({@code --append-output}).
     *
     * @throws UsageError if the file cannot be opened for writing
     */
    public static SessionLog open(Path path, boolean append) {
        return new SessionLog(TapFile.open("-o", path, append));
    }

    @Override
    public void record(Direction direction, ByteBuffer data) {
        file.write(data.duplicate());
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
