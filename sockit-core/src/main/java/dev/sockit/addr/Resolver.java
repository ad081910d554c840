package dev.sockit.addr;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Name resolution with the semantics of glibc's {@code getaddrinfo(3)} and {@code getnameinfo(3)}:
 * the same results in the same order, the same {@code EAI_*} errors for the same inputs, as
 * Python's {@code socket.getaddrinfo} and {@code socket.getnameinfo} give on the same host.
 *
 * <p>Both calls block: a name may need the hosts file, DNS or another source the system's
 * name-service switch names. Both are thread-safe.
 *
 * <h2>Where the answers come from</h2>
 * Numeric hosts and ports are parsed here, never looked up. Names are resolved by the JDK
 * ({@link java.net.InetAddress#getAllByName}), which asks glibc's {@code getaddrinfo} for all
 * families; reverse lookups by {@link java.net.InetAddress#getCanonicalHostName}. Services come
 * from {@code /etc/services}, read once. Consequences a caller can see:
 * <ul>
 *   <li>The order of a name's addresses is the system's (RFC 3484, {@code /etc/gai.conf}) only when
 *       the system property {@code java.net.preferIPv6Addresses} is {@code system}, as the sockit
 *       launcher sets it; otherwise the JDK puts IPv4 addresses first.</li>
 *   <li>The JDK caches lookups ({@code networkaddress.cache.ttl},
 *       {@code networkaddress.cache.negative.ttl}); a cached failure is reported as
 *       {@code EAI_NONAME} whatever it was.</li>
 *   <li>A name is looked up once for all families and then kept to the family asked for; where a
 *       name source would answer one family's query but not the other's, glibc asking per family may
 *       find more. No addresses of the family asked for is {@code EAI_NONAME} for a name in
 *       {@code /etc/hosts}, {@code EAI_NODATA} for one found elsewhere, as glibc answers with DNS.</li>
 *   <li>The canonical name is the first name of the {@code /etc/hosts} line that gave the address;
 *       for a name found elsewhere, the name as given (a DNS {@code CNAME} target is not reported).</li>
 *   <li>A reverse lookup that fails for any reason counts as no name: {@code EAI_AGAIN} is never
 *       reported. The JDK also drops a name that does not resolve back to the address.</li>
 *   <li>A NUL character does not end the text, as it would in C: a host holding one is not known
 *       ({@code EAI_NONAME}) and a service holding one is not a number.</li>
 *   <li>glibc answers {@code IPPROTO_DCCP} with {@code SOCK_DCCP}, a type {@link SocketType} lacks:
 *       such hints fail with {@code EAI_SOCKTYPE}, and a service's {@code dccp} entries are left
 *       out. An IPv6 zone above {@link Integer#MAX_VALUE} is {@code EAI_NONAME}.</li>
 * </ul>
 */
public final class Resolver {
    private static final AddrInfoLookup ADDR_INFO = new AddrInfoLookup(Services::system, HostsFile.ETC_HOSTS, NetInterfaces::families);
    private static final NameInfoLookup NAME_INFO = new NameInfoLookup(Services::system, Resolver::localDomain);

    private Resolver() {
    }

    /**
     * {@code getaddrinfo(3)}: the socket addresses for a host and a service, each with the
     * socket type and protocol to use.
     *
     * <p>{@code host} is a name, an IPv4 address in any form {@code inet_aton} reads
     * ({@code 127.1}, {@code 0x7f.1}) with nothing after it, or an IPv6 address with an optional
     * {@code %zone} (an interface name for link-local addresses, or a number). {@code service} is a
     * decimal port (read as C's {@code strtoul}, so {@code " +80"} is 80) or a name from
     * {@code /etc/services}. Either may be null, not both; {@code "*"} is the same as null. With no
     * host the result is loopback, or with {@code AI_PASSIVE} the wildcard address; with no service
     * the port is 0. With no type or protocol hint, each address comes as {@code SOCK_STREAM}/TCP,
     * {@code SOCK_DGRAM}/UDP and, for a numeric or no service, {@code SOCK_RAW}, as glibc gives it.
     *
     * @return the results, never empty, in glibc's order: by address, then by type
     * @throws GaiException with glibc's {@code EAI_*} code, for example {@code EAI_NONAME} for a
     *     name that is not known, {@code EAI_SERVICE} for a service not known for the socket type,
     *     {@code EAI_ADDRFAMILY} for a numeric host of another family than the one asked for
     */
    public static List<AddrInfo> getaddrinfo(String host, String service, AddrInfoHints hints) throws GaiException {
        return ADDR_INFO.getaddrinfo(host, service, hints);
    }

    /**
     * {@code getnameinfo(3)}: the host name and service name of a socket address.
     *
     * @return the names, or the address and port as text where there is no name (see the flags)
     * @throws GaiException {@code EAI_NONAME} with {@code NI_NAMEREQD} when the address has no name
     *     (always, if {@code NI_NUMERICHOST} is also given, as in glibc)
     */
    public static NameInfo getnameinfo(InetSockAddr addr, Set<NiFlag> flags) throws GaiException {
        return NAME_INFO.getnameinfo(addr, flags);
    }

    private static Optional<String> localDomain() {
        return LocalDomain.VALUE;
    }

    /** This host's domain, found once, as glibc finds it once per process. */
    private static final class LocalDomain {
        static final Optional<String> VALUE = NameInfoLookup.systemDomain(HostsFile.ETC_HOSTS);
    }
}
