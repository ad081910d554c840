package dev.sockit.addr;

import static dev.sockit.addr.AddressFamily.AF_INET;
import static dev.sockit.addr.AddressFamily.AF_INET6;
import static dev.sockit.addr.AddressFamily.AF_UNSPEC;
import static dev.sockit.addr.AiFlag.AI_ALL;
import static dev.sockit.addr.AiFlag.AI_CANONNAME;
import static dev.sockit.addr.AiFlag.AI_NUMERICHOST;
import static dev.sockit.addr.AiFlag.AI_NUMERICSERV;
import static dev.sockit.addr.AiFlag.AI_PASSIVE;
import static dev.sockit.addr.AiFlag.AI_V4MAPPED;
import static dev.sockit.addr.EaiError.EAI_ADDRFAMILY;
import static dev.sockit.addr.EaiError.EAI_BADFLAGS;
import static dev.sockit.addr.EaiError.EAI_FAMILY;
import static dev.sockit.addr.EaiError.EAI_NODATA;
import static dev.sockit.addr.EaiError.EAI_NONAME;
import static dev.sockit.addr.EaiError.EAI_SERVICE;
import static dev.sockit.addr.EaiError.EAI_SOCKTYPE;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * glibc's {@code getaddrinfo} (2.36: {@code getaddrinfo}, {@code gaih_inet},
 * {@code text_to_binary_address} in {@code sysdeps/posix/getaddrinfo.c}) step by step, with the
 * name lookup itself done by the JDK.
 *
 * <p>The steps and their order, which decides which error a bad call gets: {@code "*"} as host or
 * service means none; neither → {@code EAI_NONAME}; {@code AI_CANONNAME} without a host →
 * {@code EAI_BADFLAGS}; a family other than {@code AF_UNSPEC}, {@code AF_INET}, {@code AF_INET6}
 * → {@code EAI_FAMILY}; {@code AI_ADDRCONFIG} narrows the family or fails with
 * {@code EAI_NONAME}; a service that is not a number under {@code AI_NUMERICSERV} →
 * {@code EAI_NONAME}; socket type and protocol pick rows of glibc's type table
 * ({@code EAI_SOCKTYPE}, {@code EAI_SERVICE}); the service is resolved ({@code EAI_SERVICE});
 * then the host: a numeric address ({@code inet_aton} with nothing after it, or
 * {@code inet_pton(AF_INET6)} with an optional {@code %scope}) never reaches a resolver.
 *
 * <p>Immutable and thread-safe; the sources are injected so that tests can stand in for them.
 */
final class AddrInfoLookup {
    private static final int SOCK_DCCP = 6;

    /** glibc's {@code gaih_inet_typeproto} table, in its order (its empty first and last rows left out). */
    private static final List<TypeProto> TYPE_PROTOS = List.of(
            new TypeProto(SocketType.SOCK_STREAM.value(), IpProtocol.IPPROTO_TCP.value(), false, true, "tcp"),
            new TypeProto(SocketType.SOCK_DGRAM.value(), IpProtocol.IPPROTO_UDP.value(), false, true, "udp"),
            new TypeProto(SOCK_DCCP, IpProtocol.IPPROTO_DCCP.value(), false, false, "dccp"),
            new TypeProto(SocketType.SOCK_DGRAM.value(), IpProtocol.IPPROTO_UDPLITE.value(), false, false, "udplite"),
            new TypeProto(SocketType.SOCK_STREAM.value(), IpProtocol.IPPROTO_SCTP.value(), false, false, "sctp"),
            new TypeProto(SocketType.SOCK_SEQPACKET.value(), IpProtocol.IPPROTO_SCTP.value(), false, false, "sctp"),
            new TypeProto(SocketType.SOCK_RAW.value(), IpProtocol.IPPROTO_IP.value(), true, true, "raw"));

    private final Supplier<Services> services;
    private final Path hostsFile;
    private final Supplier<NetInterfaces.Families> families;

    /**
     * @param services the services database, asked for only when a service name is looked up
     * @param hostsFile the hosts file, read for canonical names and to tell {@code EAI_NONAME}
     *     from {@code EAI_NODATA}
     * @param families the families {@code AI_ADDRCONFIG} admits, asked for only when needed
     */
    AddrInfoLookup(Supplier<Services> services, Path hostsFile, Supplier<NetInterfaces.Families> families) {
        this.services = Objects.requireNonNull(services, "services");
        this.hostsFile = Objects.requireNonNull(hostsFile, "hostsFile");
        this.families = Objects.requireNonNull(families, "families");
    }

    /** A row of glibc's type table: a socket type, its protocol, and whether it takes any protocol and no service. */
    private record TypeProto(int socktype, int protocol, boolean raw, boolean byDefault, String name) {
    }

    /** One (type, protocol, port) to pair with every address: glibc's {@code gaih_servtuple}. */
    private record ServTuple(int socktype, int protocol, int port) {
    }

    /** {@code getaddrinfo(host, service, hints)}; see {@link Resolver#getaddrinfo}. */
    List<AddrInfo> getaddrinfo(String host, String service, AddrInfoHints hints) throws GaiException {
        Objects.requireNonNull(hints, "hints");
        String call = "getaddrinfo(" + CText.quote(host) + ", " + CText.quote(service) + ")";
        String name = "*".equals(host) ? null : host;
        String serv = "*".equals(service) ? null : service;
        if (name == null && serv == null) {
            throw new GaiException(EAI_NONAME, call);
        }
        Set<AiFlag> flags = hints.flags();
        if (flags.contains(AI_CANONNAME) && name == null) {
            throw new GaiException(EAI_BADFLAGS, call);
        }
        AddressFamily family = hints.family();
        if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6) {
            throw new GaiException(EAI_FAMILY, call);
        }
        if (flags.contains(AiFlag.AI_ADDRCONFIG)) {
            NetInterfaces.Families seen = families.get();
            if (family == AF_UNSPEC) {
                if (seen.ipv4() != seen.ipv6()) {
                    family = seen.ipv4() ? AF_INET : AF_INET6;
                }
            } else if (family == AF_INET ? !seen.ipv4() : !seen.ipv6()) {
                throw new GaiException(EAI_NONAME, call);
            }
        }
        boolean hasService = serv != null && !serv.isEmpty();
        int number = 0;
        if (hasService) {
            CText.Strtoul parsed = CText.strtoul(serv, 0);
            if (parsed.end() != serv.length()) {
                if (flags.contains(AI_NUMERICSERV)) {
                    throw new GaiException(EAI_NONAME, call);
                }
                number = -1;
            } else {
                number = (int) parsed.value();
            }
        }
        List<ServTuple> tuples = servTuples(hasService ? serv : null, number, hints, call);
        List<IpAddress> addresses;
        String canonName = null;
        if (name == null) {
            addresses = wildcardOrLoopback(family, flags.contains(AI_PASSIVE));
        } else if (name.indexOf('\0') >= 0) {
            throw new GaiException(EAI_NONAME, call);
        } else {
            Optional<IpAddress> numeric = numericHost(name, family, flags, call);
            if (numeric.isPresent()) {
                addresses = List.of(numeric.get());
                canonName = name;
            } else if (flags.contains(AI_NUMERICHOST)) {
                throw new GaiException(EAI_NONAME, call);
            } else {
                addresses = lookup(name, family, flags, call);
                if (flags.contains(AI_CANONNAME)) {
                    canonName = HostsFile.read(hostsFile).canonicalName(name, addresses).orElse(name);
                }
            }
        }
        List<AddrInfo> results = new ArrayList<>(addresses.size() * tuples.size());
        for (IpAddress address : addresses) {
            for (ServTuple tuple : tuples) {
                Optional<String> canon = results.isEmpty() && flags.contains(AI_CANONNAME) ? Optional.of(canonName) : Optional.empty();
                results.add(new AddrInfo(address.family(), SocketType.of(tuple.socktype()), IpProtocol.of(tuple.protocol()), canon,
                        new InetSockAddr(address, tuple.port())));
            }
        }
        return List.copyOf(results);
    }

    /**
     * The (type, protocol, port) triples as {@code gaih_inet} makes them from the hints and the
     * service: {@code service} is null for none, else {@code number} is its value as C's
     * {@code int}, negative for a name.
     */
    private List<ServTuple> servTuples(String service, int number, AddrInfoHints hints, String call) throws GaiException {
        int socktype = hints.type().map(SocketType::value).orElse(0);
        int protocol = hints.protocol().map(IpProtocol::value).orElse(0);
        TypeProto picked = null;
        if (socktype != 0 || protocol != 0) {
            for (TypeProto row : TYPE_PROTOS) {
                if ((socktype == 0 || socktype == row.socktype()) && (protocol == 0 || row.raw() || protocol == row.protocol())) {
                    picked = row;
                    break;
                }
            }
            if (picked == null) {
                throw new GaiException(socktype != 0 ? EAI_SOCKTYPE : EAI_SERVICE, call);
            }
            if (picked.socktype() == SOCK_DCCP) {
                throw new GaiException(EAI_SOCKTYPE, call + " [glibc answers SOCK_DCCP, which sockit's SocketType lacks]");
            }
        }
        List<ServTuple> tuples = new ArrayList<>();
        if (service != null) {
            if (picked != null && picked.raw()) {
                throw new GaiException(EAI_SERVICE, call);
            }
            if (number < 0) {
                if (picked != null) {
                    OptionalInt port = services.get().port(service, picked.name());
                    if (port.isEmpty()) {
                        throw new GaiException(EAI_SERVICE, call);
                    }
                    tuples.add(new ServTuple(picked.socktype(), picked.protocol(), port.getAsInt()));
                } else {
                    for (TypeProto row : TYPE_PROTOS) {
                        if (!row.raw() && row.socktype() != SOCK_DCCP) {
                            services.get().port(service, row.name())
                                    .ifPresent(port -> tuples.add(new ServTuple(row.socktype(), row.protocol(), port)));
                        }
                    }
                    if (tuples.isEmpty()) {
                        throw new GaiException(EAI_SERVICE, call);
                    }
                }
                return tuples;
            }
        }
        int port = service == null ? 0 : number & 0xffff;
        if (picked != null) {
            tuples.add(new ServTuple(picked.socktype(), picked.raw() ? protocol : picked.protocol(), port));
        } else {
            for (TypeProto row : TYPE_PROTOS) {
                if (row.byDefault()) {
                    tuples.add(new ServTuple(row.socktype(), row.protocol(), port));
                }
            }
        }
        return tuples;
    }

    /**
     * The addresses for no host: loopback, or with {@code AI_PASSIVE} the wildcard, of each
     * family asked for, in the order glibc's RFC 3484 sort leaves them with its default
     * {@code gai.conf}: {@code ::1} before {@code 127.0.0.1} when IPv6 is enabled, and
     * {@code 0.0.0.0} before {@code ::} (its label matches its source's).
     */
    private List<IpAddress> wildcardOrLoopback(AddressFamily family, boolean passive) {
        IpAddress v4 = passive ? Ipv4Address.ANY : Ipv4Address.LOOPBACK;
        IpAddress v6 = passive ? Ipv6Address.ANY : Ipv6Address.LOOPBACK;
        return switch (family) {
            case AF_INET -> List.of(v4);
            case AF_INET6 -> List.of(v6);
            default -> passive || !families.get().ipv6Enabled() ? List.of(v4, v6) : List.of(v6, v4);
        };
    }

    /**
     * {@code text_to_binary_address}: the host as a numeric address, if it is one. IPv4 per
     * {@code inet_aton} with nothing after the address (glibc's {@code __inet_aton_exact}); IPv6 per
     * {@code inet_pton} up to a {@code %}, then the zone per {@code __inet6_scopeid_pton}.
     */
    private static Optional<IpAddress> numericHost(String name, AddressFamily family, Set<AiFlag> flags, String call) throws GaiException {
        if (!CText.containsSpace(name)) {
            Optional<Ipv4Address> v4 = Inet.inetAton(name);
            if (v4.isPresent()) {
                if (family == AF_UNSPEC || family == AF_INET) {
                    return Optional.of(v4.get());
                }
                if (flags.contains(AI_V4MAPPED)) {
                    return Optional.of(v4.get().toMapped());
                }
                throw new GaiException(EAI_ADDRFAMILY, call);
            }
        }
        int delimiter = name.indexOf('%');
        Optional<IpAddress> parsed = Inet.inetPton(AF_INET6, delimiter < 0 ? name : name.substring(0, delimiter));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Ipv6Address v6 = (Ipv6Address) parsed.get();
        IpAddress address;
        if (family == AF_UNSPEC || family == AF_INET6) {
            address = v6;
        } else if (v6.isIpv4Mapped()) {
            address = v6.unmapped();
        } else {
            throw new GaiException(EAI_ADDRFAMILY, call);
        }
        if (delimiter >= 0) {
            long scopeId = scopeId(v6, name.substring(delimiter + 1));
            if (scopeId < 0) {
                throw new GaiException(EAI_NONAME, call);
            }
            if (address instanceof Ipv6Address scoped) {
                address = scoped.withScopeId((int) scopeId);
            }
        }
        return Optional.of(address);
    }

    /**
     * {@code __inet6_scopeid_pton}: an interface name (for link-local and node- or link-local
     * multicast addresses only), else a decimal number starting with a digit. Negative for neither,
     * and for a number above {@link Integer#MAX_VALUE}, which glibc takes (up to 2<sup>32</sup>-1)
     * but {@link Ipv6Address} cannot hold and no Linux interface has.
     */
    private static long scopeId(Ipv6Address address, String scope) {
        int scopeBits = address.group(0) & 0xff0f;
        if (address.isLinkLocal() || scopeBits == 0xff01 || scopeBits == 0xff02) {
            int index = NetInterfaces.nameToIndex(scope);
            if (index != 0) {
                return index;
            }
        }
        if (scope.isEmpty() || !CText.isDigit(scope.charAt(0))) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < scope.length(); i++) {
            if (!CText.isDigit(scope.charAt(i))) {
                return -1;
            }
            value = value * 10 + (scope.charAt(i) - '0');
            if (value > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return value;
    }

    /**
     * The addresses of a name, from the JDK's resolver (which calls glibc's {@code getaddrinfo}
     * with {@code AF_UNSPEC}), then kept to the family asked for as glibc would have asked.
     */
    private List<IpAddress> lookup(String name, AddressFamily family, Set<AiFlag> flags, String call) throws GaiException {
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.charAt(0) == '[' || isDigitsAndDots(name)) {
            throw new GaiException(EAI_NONAME, call);
        }
        InetAddress[] found;
        try {
            found = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new GaiException(jdkError(name, e), call);
        }
        List<IpAddress> v4 = new ArrayList<>();
        List<IpAddress> v6 = new ArrayList<>();
        List<IpAddress> all = new ArrayList<>();
        for (InetAddress address : found) {
            IpAddress ip = IpAddress.of(address);
            all.add(ip);
            (ip instanceof Ipv4Address ? v4 : v6).add(ip);
        }
        List<IpAddress> kept = switch (family) {
            case AF_INET -> v4;
            case AF_INET6 -> {
                List<IpAddress> six = new ArrayList<>(v6);
                if (flags.contains(AI_V4MAPPED) && (v6.isEmpty() || flags.contains(AI_ALL))) {
                    v4.forEach(a -> six.add(((Ipv4Address) a).toMapped()));
                }
                yield six;
            }
            default -> all;
        };
        if (kept.isEmpty()) {
            throw new GaiException(HostsFile.read(hostsFile).lists(name) ? EAI_NONAME : EAI_NODATA, call);
        }
        return kept;
    }

    /**
     * The {@code EAI_*} code behind a JDK lookup failure: the JDK words its message
     * {@code "NAME: " + gai_strerror(code)}. A message without a known text (the JDK's cached
     * failures carry none) is {@code EAI_NONAME}.
     */
    static EaiError jdkError(String name, UnknownHostException e) {
        String message = e.getMessage();
        String prefix = name + ": ";
        if (message != null && message.startsWith(prefix)) {
            String text = message.substring(prefix.length());
            for (EaiError error : EnumSet.of(EaiError.EAI_AGAIN, EaiError.EAI_FAIL, EAI_NODATA, EaiError.EAI_MEMORY, EaiError.EAI_SYSTEM)) {
                if (error.text().equals(text)) {
                    return error;
                }
            }
        }
        return EAI_NONAME;
    }

    /**
     * Whether a name is made of digits and dots only. {@code inet_aton} has refused it, and no
     * real name is all-numeric, so glibc finds nothing; the JDK would read some of them
     * ({@code 09.1.2.3}) as addresses itself.
     */
    private static boolean isDigitsAndDots(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && !CText.isDigit(c)) {
                return false;
            }
        }
        return true;
    }
}
