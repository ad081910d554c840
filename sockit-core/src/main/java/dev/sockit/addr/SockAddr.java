package dev.sockit.addr;

/**
 * A socket address, C's {@code struct sockaddr}: what {@code bind}, {@code connect},
 * {@code accept}, {@code getsockname} and {@code getpeername} take and give. Immutable.
 *
 * <p>{@link InetSockAddr} is {@code sockaddr_in} / {@code sockaddr_in6}; {@link UnixSockAddr} is
 * {@code sockaddr_un}.
 */
public sealed interface SockAddr permits InetSockAddr, UnixSockAddr {

    /** The address family, C's {@code sa_family}. */
    AddressFamily family();
}
