package dev.sockit.cli.nc;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A UDP peer on 127.0.0.1 that a test drives: receive (bounded), reply to the last sender. */
final class UdpPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private SocketAddress lastSender;

    private UdpPeer(DatagramSocket socket) {
        this.socket = socket;
    }

    static UdpPeer start() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(20_000);
        return new UdpPeer(socket);
    }

    String portText() {
        return Integer.toString(socket.getLocalPort());
    }

    /** The next datagram's payload (UTF-8); fails after 20 s. */
    String receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
        socket.receive(packet);
        lastSender = packet.getSocketAddress();
        return new String(Arrays.copyOf(packet.getData(), packet.getLength()), StandardCharsets.UTF_8);
    }

    /** Sends {@code text} to the sender of the last datagram. */
    void reply(String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(data, data.length, lastSender));
    }

    @Override
    public void close() {
        socket.close();
    }
}
