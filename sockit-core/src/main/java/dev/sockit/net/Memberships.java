package dev.sockit.net;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.SocketType;
import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.SelectableChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * The IPv4 multicast groups a socket has joined ({@code IP_ADD_MEMBERSHIP},
 * {@code IP_DROP_MEMBERSHIP}), one membership per group and interface, with the errors Linux
 * gives. Not thread-safe: the caller holds its socket's {@code stateLock} and has checked that
 * the socket is open.
 */
final class Memberships {
    private record Group(Ipv4Address group, Ipv4Address iface) {
    }

    private final AddressFamily family;
    private final SocketType type;
    private final Map<Group, MembershipKey> keys = new HashMap<>();

    Memberships(AddressFamily family, SocketType type) {
        this.family = family;
        this.type = type;
    }

    /**
     * Joins {@code group} on the interface with address {@code iface}.
     *
     * @throws IOException a {@link SocketError}: {@code EINVAL}, {@code EADDRINUSE},
     *     {@code ENODEV}, {@code EPROTO}, {@code EOPNOTSUPP}, as {@link Socket#joinGroup} says
     */
    void join(SelectableChannel channel, Ipv4Address group, Ipv4Address iface) throws IOException {
        DatagramChannel datagrams = datagramChannel(channel, "IP_ADD_MEMBERSHIP", group);
        Group key = new Group(group, iface);
        if (keys.containsKey(key)) {
            throw Errors.of(Errno.EADDRINUSE, "setsockopt", "IP_ADD_MEMBERSHIP", "already a member");
        }
        try {
            keys.put(key, datagrams.join(group.toInetAddress(), NioChannels.multicastInterface(iface)));
        } catch (IOException | RuntimeException e) {
            throw JdkErrors.map(e, "setsockopt", "IP_ADD_MEMBERSHIP", Errno.EINVAL);
        }
    }

    /**
     * Leaves a group joined with {@link #join}.
     *
     * @throws IOException a {@link SocketError}: {@code EADDRNOTAVAIL} if not a member there
     */
    void leave(SelectableChannel channel, Ipv4Address group, Ipv4Address iface) throws IOException {
        datagramChannel(channel, "IP_DROP_MEMBERSHIP", group);
        MembershipKey key = keys.remove(new Group(group, iface));
        if (key == null) {
            throw Errors.of(Errno.EADDRNOTAVAIL, "setsockopt", "IP_DROP_MEMBERSHIP", "not a member");
        }
        key.drop();
    }

    private DatagramChannel datagramChannel(SelectableChannel channel, String option, Ipv4Address group)
            throws IOException {
        if (family == AddressFamily.AF_UNIX) {
            throw Errors.of(Errno.EOPNOTSUPP, "setsockopt", option, "a UNIX socket has only SOL_SOCKET options");
        }
        if (type != SocketType.SOCK_DGRAM) {
            throw Errors.of(Errno.EPROTO, "setsockopt", option, "not a datagram socket");
        }
        if (!group.isMulticast()) {
            throw Errors.of(Errno.EINVAL, "setsockopt", option, group + " is not a multicast group");
        }
        return (DatagramChannel) channel;
    }
}
