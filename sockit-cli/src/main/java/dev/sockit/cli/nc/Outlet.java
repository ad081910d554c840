package dev.sockit.cli.nc;

import java.nio.ByteBuffer;

/** One client of a listener as the stdin reader sees it: somewhere to send bytes. Thread-safe. */
interface Outlet {

    /** Sends {@code data}'s remaining bytes (consumed); never blocks. */
    void send(ByteBuffer data);

    /** Whether more may be sent now without queueing past the high watermark (true once closed). */
    boolean writable();

    /** stdin ended: nothing more will be sent (TCP: {@code shutdown(SHUT_WR)} once queued bytes are out). */
    void endOutput();
}
