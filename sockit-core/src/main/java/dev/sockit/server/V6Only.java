package dev.sockit.server;

import dev.sockit.internal.NioInternals;
import dev.sockit.net.SockOpt;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;

/**
 * {@link ServerConfig#v6Only()} on a listening channel, before it is bound. The JDK keeps
 * {@code IPV6_V6ONLY} off on every IPv6 socket and has no option for it, so it is set through
 * the JDK's internals ({@link NioInternals}), as {@code Socket.setV6Only} does.
 */
final class V6Only {
    private V6Only() {
    }

    /**
     * Sets {@code IPV6_V6ONLY} on {@code channel} if {@code config} asks for it and
     * {@code address} is IPv6; does nothing otherwise.
     *
     * @throws IOException the kernel's error, or one that names the missing {@code --add-opens}
     */
    static void apply(ServerConfig config, NetworkChannel channel, InetSocketAddress address) throws IOException {
        if (!config.v6Only() || !(address.getAddress() instanceof Inet6Address)) {
            return;
        }
        if (!NioInternals.rawOptionsAvailable()) {
            throw new IOException("setsockopt IPV6_V6ONLY: the JDK sets it only with " + NioInternals.ADD_OPENS);
        }
        NioInternals.setIntOption(channel, SockOpt.IPPROTO_IPV6, SockOpt.IPV6_V6ONLY, 1);
    }
}
