package dev.sockit.server;

import java.nio.ByteBuffer;

/**
 * What a {@link UdpServer} does with the datagrams of one peer (one source address). Asked for
 * once per new peer, so it may keep that peer's state in fields. Every callback runs on the
 * server's loop thread and must not block; one that throws forgets its peer only
 * ({@link CloseCause.Reason#HANDLER_FAILED}).
 */
public interface DatagramHandler {

    /** A datagram came from an address with no state yet; {@link #onDatagram} follows. */
    default void onPeerOpen(Peer peer) {
    }

    /** A datagram arrived. {@code data} is the loop's receive buffer, valid during this call only. */
    void onDatagram(Peer peer, ByteBuffer data);

    /** The peer's state is dropped: idle timeout, {@link Peer#close()}, a failure or stop. Called once, last. */
    default void onPeerClose(Peer peer, CloseCause cause) {
    }
}
