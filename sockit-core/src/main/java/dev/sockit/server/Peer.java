package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import java.nio.ByteBuffer;

/**
 * One remote address a {@link UdpServer} has state for. {@link #send} and {@link #close()} may
 * be called from any thread (off the loop they copy and run on the loop later).
 */
public sealed interface Peer permits UdpServer.UdpPeer {

    /**
     * Sends {@code data} as one datagram to this peer from the server's socket, taking the bytes
     * (on return {@code data} has none remaining). UDP does not queue: if the socket's send
     * buffer is full the datagram is dropped and counted ({@link UdpServer#sendDrops()}).
     *
     * @return whether the kernel took the datagram (off the loop: whether it was handed to the loop)
     */
    boolean send(ByteBuffer data);

    /** Forgets this peer ({@link CloseCause.Reason#LOCAL_CLOSE}); its next datagram makes a new one. */
    void close();

    /** The peer's address. */
    InetSockAddr remoteAddress();

    /** Datagrams received from this peer. */
    long datagramsReceived();

    /** What the handler attached, or {@code null}. */
    Object attachment();

    /** Attaches an object; returns the previous one. */
    Object attach(Object attachment);
}
