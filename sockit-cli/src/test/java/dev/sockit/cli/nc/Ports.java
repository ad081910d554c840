package dev.sockit.cli.nc;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free loopback ports for tests: bound, read, released. */
final class Ports {
    private Ports() {
    }

    /** A TCP port on 127.0.0.1 that nothing listens on (released just now). */
    static int freeTcp() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    /** A UDP port on 127.0.0.1 that nothing is bound to (released just now). */
    static int freeUdp() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }
}
