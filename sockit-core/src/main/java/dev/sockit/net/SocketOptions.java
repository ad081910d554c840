package dev.sockit.net;

import static dev.sockit.net.SockOpt.IPPROTO_IP;
import static dev.sockit.net.SockOpt.IPPROTO_IPV6;
import static dev.sockit.net.SockOpt.IPPROTO_TCP;
import static dev.sockit.net.SockOpt.SOL_SOCKET;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.SocketType;
import dev.sockit.internal.NioInternals;
import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;

/**
 * One socket's options, read and written as Linux's {@code setsockopt} / {@code getsockopt}
 * with int values, and carried over when the socket's channel is replaced.
 *
 * <p>Design: an option lives in the socket's JDK channel when the channel supports it. Linux
 * accepts some options where they do nothing ({@code SO_BROADCAST} on TCP, {@code SO_KEEPALIVE}
 * on UDP) and keeps on a listening socket options the JDK's {@code ServerSocketChannel} lacks
 * ({@code TCP_NODELAY}, {@code SO_SNDBUF}), which accepted sockets inherit; this class holds
 * those values itself, so they read back as set, and hands every value that was set to each
 * new channel: the {@code ServerSocketChannel} that replaces a {@code SocketChannel} at
 * {@code listen}, each accepted channel, and the fresh channel after a failed connect.
 * An option the JDK lacks where Linux would act on it is {@code ENOPROTOOPT}.
 *
 * <p>Errors follow Linux level by level: a UNIX socket says {@code EOPNOTSUPP} to every level
 * but {@code SOL_SOCKET}; an IPv4 socket's {@code getsockopt} says {@code EOPNOTSUPP} to a level
 * it lacks where {@code setsockopt} says {@code ENOPROTOOPT}; an unknown option is
 * {@code ENOPROTOOPT}.
 *
 * <p>Not thread-safe: its socket's state lock guards it, except the two timeouts, which
 * receives and sends read without it.
 */
final class SocketOptions {
    /** The options sockit knows, with their JDK option where the JDK has one. */
    private enum Opt {
        SO_DEBUG(SOL_SOCKET, SockOpt.SO_DEBUG, null, 0),
        SO_REUSEADDR(SOL_SOCKET, SockOpt.SO_REUSEADDR, StandardSocketOptions.SO_REUSEADDR, 0),
        SO_REUSEPORT(SOL_SOCKET, SockOpt.SO_REUSEPORT, StandardSocketOptions.SO_REUSEPORT, 0),
        SO_KEEPALIVE(SOL_SOCKET, SockOpt.SO_KEEPALIVE, StandardSocketOptions.SO_KEEPALIVE, 0),
        SO_RCVBUF(SOL_SOCKET, SockOpt.SO_RCVBUF, StandardSocketOptions.SO_RCVBUF, 0),
        SO_SNDBUF(SOL_SOCKET, SockOpt.SO_SNDBUF, StandardSocketOptions.SO_SNDBUF, 0),
        SO_LINGER(SOL_SOCKET, SockOpt.SO_LINGER, StandardSocketOptions.SO_LINGER, -1),
        SO_BROADCAST(SOL_SOCKET, SockOpt.SO_BROADCAST, StandardSocketOptions.SO_BROADCAST, 0),
        SO_TYPE(SOL_SOCKET, SockOpt.SO_TYPE, null, 0),
        SO_ERROR(SOL_SOCKET, SockOpt.SO_ERROR, null, 0),
        SO_RCVTIMEO(SOL_SOCKET, SockOpt.SO_RCVTIMEO, null, 0),
        SO_SNDTIMEO(SOL_SOCKET, SockOpt.SO_SNDTIMEO, null, 0),
        TCP_NODELAY(IPPROTO_TCP, SockOpt.TCP_NODELAY, StandardSocketOptions.TCP_NODELAY, 0),
        TCP_KEEPIDLE(IPPROTO_TCP, SockOpt.TCP_KEEPIDLE, ExtendedSocketOptions.TCP_KEEPIDLE, 7200),
        TCP_KEEPINTVL(IPPROTO_TCP, SockOpt.TCP_KEEPINTVL, ExtendedSocketOptions.TCP_KEEPINTERVAL, 75),
        TCP_KEEPCNT(IPPROTO_TCP, SockOpt.TCP_KEEPCNT, ExtendedSocketOptions.TCP_KEEPCOUNT, 9),
        IP_TOS(IPPROTO_IP, SockOpt.IP_TOS, StandardSocketOptions.IP_TOS, 0),
        IP_MULTICAST_TTL(IPPROTO_IP, SockOpt.IP_MULTICAST_TTL, StandardSocketOptions.IP_MULTICAST_TTL, 1),
        IP_MULTICAST_LOOP(IPPROTO_IP, SockOpt.IP_MULTICAST_LOOP, StandardSocketOptions.IP_MULTICAST_LOOP, 1),
        IP_ADD_MEMBERSHIP(IPPROTO_IP, SockOpt.IP_ADD_MEMBERSHIP, null, 0),
        IP_DROP_MEMBERSHIP(IPPROTO_IP, SockOpt.IP_DROP_MEMBERSHIP, null, 0),
        IPV6_V6ONLY(IPPROTO_IPV6, SockOpt.IPV6_V6ONLY, null, 0);

        final int level;
        final int name;
        final SocketOption<?> jdk;
        /** What Linux reports for the option on a socket where it does nothing and was never set. */
        final int linuxDefault;

        Opt(int level, int name, SocketOption<?> jdk, int linuxDefault) {
            this.level = level;
            this.name = name;
            this.jdk = jdk;
            this.linuxDefault = linuxDefault;
        }

        static Optional<Opt> of(int level, int name) {
            for (Opt opt : values()) {
                if (opt.level == level && opt.name == name) {
                    return Optional.of(opt);
                }
            }
            return Optional.empty();
        }
    }

    private final AddressFamily family;
    private final SocketType type;
    /** Every value set, as given, to hand to each new channel. */
    private final Map<Opt, Integer> set = new EnumMap<>(Opt.class);
    /** Values of options the current channel does not hold. */
    private final Map<Opt, Integer> held = new EnumMap<>(Opt.class);
    /** Written under the state lock, read by receives and sends without it. */
    private volatile long receiveTimeoutNanos;
    /** Written under the state lock, read by receives and sends without it. */
    private volatile long sendTimeoutNanos;

    SocketOptions(AddressFamily family, SocketType type) {
        this.family = family;
        this.type = type;
    }

    /**
     * The options an accepted socket starts with: every value set on this (listening) socket,
     * as Linux copies a listener's options to the sockets it accepts ({@code IPV6_V6ONLY} is
     * copied by the kernel itself, and cannot be set on a connected socket).
     */
    SocketOptions inherited() {
        SocketOptions child = new SocketOptions(family, type);
        child.set.putAll(set);
        child.set.remove(Opt.IPV6_V6ONLY);
        set.forEach((opt, value) -> child.held.put(opt, normalized(opt, value)));
        child.receiveTimeoutNanos = receiveTimeoutNanos;
        child.sendTimeoutNanos = sendTimeoutNanos;
        return child;
    }

    /** {@code SO_RCVTIMEO} in nanoseconds; 0 for none. */
    long receiveTimeoutNanos() {
        return receiveTimeoutNanos;
    }

    /** {@code SO_SNDTIMEO} in nanoseconds; 0 for none. */
    long sendTimeoutNanos() {
        return sendTimeoutNanos;
    }

    /**
     * Keeps the values {@code channel} holds, before it is closed and replaced, for options
     * its replacement cannot hold.
     */
    void remember(NetworkChannel channel) throws IOException {
        for (Opt opt : Opt.values()) {
            if (supports(channel, opt)) {
                held.put(opt, read(channel, opt));
            }
        }
    }

    /**
     * Gives {@code channel}, new in this socket (a replacement, or an accepted channel), every
     * value set. {@code SO_REUSEADDR} is always written, as the old channel had it (off if
     * none), since the JDK's {@code ServerSocketChannel} starts with it on where Linux has it
     * off.
     */
    void transfer(NetworkChannel channel) throws IOException {
        for (Map.Entry<Opt, Integer> entry : set.entrySet()) {
            Opt opt = entry.getKey();
            if (opt == Opt.IPV6_V6ONLY || opt == Opt.SO_DEBUG) {
                if (NioInternals.rawOptionsAvailable()) {
                    NioInternals.setIntOption(channel, opt.level, opt.name, entry.getValue());
                }
            } else if (supports(channel, opt)) {
                write(channel, opt, entry.getValue());
            }
        }
        if (!set.containsKey(Opt.SO_REUSEADDR) && supports(channel, Opt.SO_REUSEADDR)) {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, held.getOrDefault(Opt.SO_REUSEADDR, 0) != 0);
        }
    }

    /**
     * {@code setsockopt(level, name, value)} on {@code channel}.
     *
     * @param bound whether the socket is bound ({@code IPV6_V6ONLY} cannot change after)
     */
    void set(NetworkChannel channel, boolean bound, int level, int name, int value) throws IOException {
        Opt opt = find("setsockopt", level, name, Errno.ENOPROTOOPT);
        String call = "setsockopt";
        switch (opt) {
            case SO_TYPE, SO_ERROR -> throw error(Errno.ENOPROTOOPT, call, opt, "read-only");
            case SO_RCVTIMEO, SO_SNDTIMEO -> {
                if (value < 0) {
                    throw error(Errno.EDOM, call, opt, value + " ms (expected: >= 0)");
                }
                long nanos = value * 1_000_000L;
                if (opt == Opt.SO_RCVTIMEO) {
                    receiveTimeoutNanos = nanos;
                } else {
                    sendTimeoutNanos = nanos;
                }
                set.put(opt, value);
                return;
            }
            case IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP -> throw type == SocketType.SOCK_STREAM
                    ? error(Errno.EPROTO, call, opt, "not a datagram socket")
                    : error(Errno.EINVAL, call, opt, "its value is a struct ip_mreq: use joinGroup / leaveGroup");
            case IPV6_V6ONLY -> {
                setV6Only(channel, bound, value);
                return;
            }
            case SO_DEBUG -> {
                setRaw(channel, opt, value);
                return;
            }
            case IP_MULTICAST_TTL -> {
                if (type == SocketType.SOCK_STREAM) {
                    throw error(Errno.EINVAL, call, opt, "not a datagram socket");
                }
            }
            case SO_REUSEPORT -> {
                if (family == AddressFamily.AF_UNIX) {
                    throw error(Errno.EOPNOTSUPP, call, opt, "not on a UNIX socket");
                }
            }
            default -> {
            }
        }
        if (supports(channel, opt)) {
            try {
                write(channel, opt, value);
            } catch (IllegalArgumentException | IOException e) {
                throw JdkErrors.map(e, call, opt.name(), Errno.EINVAL);
            }
        } else if (keepsItself(channel, opt)) {
            held.put(opt, normalized(opt, value));
        } else {
            throw error(Errno.ENOPROTOOPT, call, opt, "the JDK has no " + opt.name() + " for this socket");
        }
        set.put(opt, value);
    }

    /** {@code getsockopt(level, name)} on {@code channel}; {@code SO_ERROR} is the socket's to answer. */
    int get(NetworkChannel channel, int level, int name) throws IOException {
        Opt opt = find("getsockopt", level, name, family == AddressFamily.AF_INET ? Errno.EOPNOTSUPP : Errno.ENOPROTOOPT);
        String call = "getsockopt";
        switch (opt) {
            case SO_TYPE -> {
                return type.value();
            }
            case SO_RCVTIMEO -> {
                return (int) Math.min(Integer.MAX_VALUE, receiveTimeoutNanos / 1_000_000);
            }
            case SO_SNDTIMEO -> {
                return (int) Math.min(Integer.MAX_VALUE, sendTimeoutNanos / 1_000_000);
            }
            case IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP -> throw error(Errno.ENOPROTOOPT, call, opt, "write-only");
            case IPV6_V6ONLY, SO_DEBUG -> {
                return NioInternals.rawOptionsAvailable()
                        ? rawGet(channel, opt)
                        : set.getOrDefault(opt, 0);
            }
            case SO_REUSEPORT -> {
                if (family == AddressFamily.AF_UNIX) {
                    return 0;
                }
            }
            default -> {
            }
        }
        if (supports(channel, opt)) {
            try {
                return read(channel, opt);
            } catch (IOException e) {
                throw JdkErrors.map(e, call, opt.name(), Errno.ENOPROTOOPT);
            }
        }
        if (keepsItself(channel, opt) || opt == Opt.IP_MULTICAST_TTL) {
            return held.getOrDefault(opt, opt.linuxDefault);
        }
        throw error(Errno.ENOPROTOOPT, call, opt, "the JDK has no " + opt.name() + " for this socket");
    }

    /**
     * The option at {@code level} and {@code name}, or the error Linux gives when this kind of
     * socket has no such level ({@code wrongLevel}) or the level has no such option
     * ({@code ENOPROTOOPT}).
     */
    private Opt find(String call, int level, int name, Errno wrongLevel) throws IOException {
        String target = "level " + level + " option " + name;
        if (family == AddressFamily.AF_UNIX && level != SOL_SOCKET) {
            throw Errors.of(Errno.EOPNOTSUPP, call, target, "a UNIX socket has only SOL_SOCKET options");
        }
        boolean levelApplies = switch (level) {
            case SOL_SOCKET, IPPROTO_IP -> true;
            case IPPROTO_TCP -> type == SocketType.SOCK_STREAM;
            case IPPROTO_IPV6 -> family == AddressFamily.AF_INET6;
            default -> false;
        };
        if (!levelApplies) {
            throw Errors.of(call.equals("setsockopt") ? Errno.ENOPROTOOPT : wrongLevel, call, target,
                    "no such level for this socket");
        }
        return Opt.of(level, name)
                .orElseThrow(() -> Errors.of(Errno.ENOPROTOOPT, call, target, "sockit knows no such option"));
    }

    /**
     * Whether this socket keeps {@code opt} itself when {@code channel} lacks it: a listening
     * socket keeps what its accepted sockets inherit, and Linux accepts a few options where
     * they do nothing.
     */
    private boolean keepsItself(NetworkChannel channel, Opt opt) {
        if (!(channel instanceof SocketChannel) && type == SocketType.SOCK_STREAM) {
            return true;
        }
        return switch (opt) {
            case SO_BROADCAST, IP_MULTICAST_LOOP -> type == SocketType.SOCK_STREAM;
            case SO_KEEPALIVE, SO_LINGER -> type == SocketType.SOCK_DGRAM || family == AddressFamily.AF_UNIX;
            case SO_REUSEADDR -> family == AddressFamily.AF_UNIX;
            default -> false;
        };
    }

    private void setV6Only(NetworkChannel channel, boolean bound, int value) throws IOException {
        String call = "setsockopt";
        if (bound) {
            throw error(Errno.EINVAL, call, Opt.IPV6_V6ONLY, "the socket is bound");
        }
        if (NioInternals.rawOptionsAvailable()) {
            try {
                NioInternals.setIntOption(channel, IPPROTO_IPV6, SockOpt.IPV6_V6ONLY, value);
            } catch (IOException e) {
                throw JdkErrors.map(e, call, Opt.IPV6_V6ONLY.name(), Errno.EINVAL);
            }
        } else if (value != 0) {
            throw error(Errno.ENOPROTOOPT, call, Opt.IPV6_V6ONLY,
                    "the JDK keeps IPV6_V6ONLY off and sets it only with " + NioInternals.ADD_OPENS);
        }
        set.put(Opt.IPV6_V6ONLY, value != 0 ? 1 : 0);
    }

    private int rawGet(NetworkChannel channel, Opt opt) throws IOException {
        try {
            return NioInternals.getIntOption(channel, opt.level, opt.name);
        } catch (IOException e) {
            throw JdkErrors.map(e, "getsockopt", opt.name(), Errno.ENOPROTOOPT);
        }
    }

    /** Sets an option the JDK has no name for through its internal setter ({@code SO_DEBUG}). */
    private void setRaw(NetworkChannel channel, Opt opt, int value) throws IOException {
        String call = "setsockopt";
        if (!NioInternals.rawOptionsAvailable()) {
            throw error(Errno.ENOPROTOOPT, call, opt, "the JDK sets it only with " + NioInternals.ADD_OPENS);
        }
        try {
            NioInternals.setIntOption(channel, opt.level, opt.name, value);
        } catch (IOException e) {
            throw JdkErrors.map(e, call, opt.name(), Errno.EINVAL);
        }
        set.put(opt, value != 0 ? 1 : 0);
    }

    private static boolean supports(NetworkChannel channel, Opt opt) {
        return opt.jdk != null && channel.supportedOptions().contains(opt.jdk);
    }

    /** What Linux reports after {@code opt} was set to {@code value}: 0 or 1, or a buffer size doubled. */
    private static int normalized(Opt opt, int value) {
        if (opt == Opt.SO_RCVBUF || opt == Opt.SO_SNDBUF) {
            return (int) Math.min(Integer.MAX_VALUE, 2L * value);
        }
        return opt.jdk != null && opt.jdk.type() == Boolean.class ? (value != 0 ? 1 : 0) : value;
    }

    @SuppressWarnings("unchecked")
    private static void write(NetworkChannel channel, Opt opt, int value) throws IOException {
        if (opt.jdk.type() == Boolean.class) {
            channel.setOption((SocketOption<Boolean>) opt.jdk, value != 0);
        } else {
            channel.setOption((SocketOption<Integer>) opt.jdk, value);
        }
    }

    private static int read(NetworkChannel channel, Opt opt) throws IOException {
        Object value = channel.getOption(opt.jdk);
        if (value instanceof Boolean on) {
            return on ? 1 : 0;
        }
        int number = (Integer) value;
        if (opt == Opt.SO_RCVBUF || opt == Opt.SO_SNDBUF) {
            // The JDK halves what Linux reports, so that a get returns what a set gave; sockit reports Linux's value.
            return (int) Math.min(Integer.MAX_VALUE, 2L * number);
        }
        return opt == Opt.SO_LINGER && number < 0 ? -1 : number;
    }

    private static IOException error(Errno errno, String call, Opt opt, String detail) {
        return Errors.of(errno, call, opt.name(), detail);
    }
}
