package dev.sockit.net;

import dev.sockit.addr.SockAddr;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link Socket#recvfrom} returns: the bytes received, where they came from, and whether
 * the datagram was longer than asked for (C's {@code MSG_TRUNC} in {@code msg_flags}; the rest of
 * it is gone, as in C).
 *
 * @param data the bytes received; the array is the record's own
 * @param address the sender's address (for a stream socket, the peer's)
 * @param truncated whether the datagram held more bytes than were asked for
 */
public record Datagram(byte[] data, SockAddr address, boolean truncated) {
    public Datagram {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(address, "address");
        data = data.clone();
    }

    /** The bytes received, a copy. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Datagram that && Arrays.equals(data, that.data) && address.equals(that.address)
                && truncated == that.truncated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(data), address, truncated);
    }

    @Override
    public String toString() {
        return "Datagram[" + data.length + " bytes from " + SockAddrs.text(address) + (truncated ? ", truncated]" : "]");
    }
}
