package dev.sockit.net;

import dev.sockit.addr.SockAddr;
import java.util.Objects;

/**
 * What {@link Socket#recvfromInto} returns, as Python's {@code recvfrom_into}: how many bytes
 * it stored, where they came from, and whether the datagram was longer than the buffer.
 *
 * @param n the count the call returns: bytes stored, or with {@link Socket#MSG_TRUNC} the
 *     datagram's real length, as Linux
 * @param address the sender's address (for a stream socket, the peer's)
 * @param truncated whether the datagram held more bytes than the buffer had room for
 */
public record RecvFrom(int n, SockAddr address, boolean truncated) {
    public RecvFrom {
        Objects.requireNonNull(address, "address");
    }
}
