package dev.sockit.addr;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The hints of {@code getaddrinfo(3)}: C's {@code struct addrinfo} with only {@code ai_family},
 * {@code ai_socktype}, {@code ai_protocol} and {@code ai_flags} set. Immutable; the
 * {@code with...} methods return a copy.
 *
 * <p>{@link #ANY} is a zeroed {@code struct addrinfo}, which is what Python passes. A C caller
 * passing {@code NULL} hints gets glibc's {@code AI_V4MAPPED | AI_ADDRCONFIG} instead; ask for
 * them with {@code ANY.withFlags(AI_V4MAPPED, AI_ADDRCONFIG)}.
 *
 * @param family {@code AF_UNSPEC} for any; {@code getaddrinfo} fails with {@code EAI_FAMILY} for
 *     a family other than {@code AF_INET} and {@code AF_INET6}
 * @param type the socket type, or empty for any ({@code 0} in C)
 * @param protocol the protocol, or empty for any ({@code 0} in C; {@code IPPROTO_IP} means the same)
 * @param flags the {@code AI_*} flags; held as an unmodifiable copy
 */
public record AddrInfoHints(AddressFamily family, Optional<SocketType> type, Optional<IpProtocol> protocol, Set<AiFlag> flags) {

    /** Any family, type and protocol, no flags. */
    public static final AddrInfoHints ANY = new AddrInfoHints(AddressFamily.AF_UNSPEC, Optional.empty(), Optional.empty(), Set.of());

    public AddrInfoHints {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        EnumSet<AiFlag> copy = EnumSet.noneOf(AiFlag.class);
        copy.addAll(Objects.requireNonNull(flags, "flags"));
        flags = Collections.unmodifiableSet(copy);
    }

    /** These hints with {@code ai_family} set to {@code family}. */
    public AddrInfoHints withFamily(AddressFamily family) {
        return new AddrInfoHints(family, type, protocol, flags);
    }

    /** These hints with {@code ai_socktype} set to {@code type}. */
    public AddrInfoHints withType(SocketType type) {
        return new AddrInfoHints(family, Optional.of(type), protocol, flags);
    }

    /** These hints with {@code ai_protocol} set to {@code protocol}. */
    public AddrInfoHints withProtocol(IpProtocol protocol) {
        return new AddrInfoHints(family, type, Optional.of(protocol), flags);
    }

    /** These hints with {@code ai_flags} set to exactly {@code flags}. */
    public AddrInfoHints withFlags(AiFlag... flags) {
        EnumSet<AiFlag> set = EnumSet.noneOf(AiFlag.class);
        Collections.addAll(set, flags);
        return new AddrInfoHints(family, type, protocol, set);
    }
}
