package dev.sockit.addr;

import java.util.Objects;
import java.util.Optional;

/**
 * One result of {@code getaddrinfo(3)}, C's {@code struct addrinfo}: what to pass to
 * {@code socket(family, type, protocol)} and then to {@code connect} or {@code bind}.
 *
 * @param family {@code AF_INET} or {@code AF_INET6} ({@code ai_family})
 * @param type the socket type ({@code ai_socktype})
 * @param protocol the protocol ({@code ai_protocol}); {@code IPPROTO_IP} means the type's default
 * @param canonName the canonical name ({@code ai_canonname}): present only on the first result
 *     of a call with {@code AI_CANONNAME}, as in glibc
 * @param address the socket address ({@code ai_addr})
 */
public record AddrInfo(AddressFamily family, SocketType type, IpProtocol protocol, Optional<String> canonName, InetSockAddr address) {

    /**
     * @throws IllegalArgumentException if {@code family} is not the address's family
     */
    public AddrInfo {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(canonName, "canonName");
        Objects.requireNonNull(address, "address");
        if (family != address.family()) {
            throw new IllegalArgumentException("family: " + family + " (expected: " + address.family() + ", the address's)");
        }
    }
}
