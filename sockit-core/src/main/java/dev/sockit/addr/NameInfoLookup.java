package dev.sockit.addr;

import static dev.sockit.addr.NiFlag.NI_DGRAM;
import static dev.sockit.addr.NiFlag.NI_NAMEREQD;
import static dev.sockit.addr.NiFlag.NI_NOFQDN;
import static dev.sockit.addr.NiFlag.NI_NUMERICHOST;
import static dev.sockit.addr.NiFlag.NI_NUMERICSERV;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * glibc's {@code getnameinfo} ({@code inet/getnameinfo.c}) step by step, with the reverse lookup
 * itself done by the JDK.
 *
 * <p>The host: unless {@code NI_NUMERICHOST}, the name a reverse lookup finds (with
 * {@code NI_NOFQDN}, cut before this host's domain); failing that, {@code EAI_NONAME} under
 * {@code NI_NAMEREQD}, else the address as {@code inet_ntop} writes it, an IPv6 scope id added as
 * {@code %NAME} for link-local and link-local multicast addresses whose interface exists and as
 * {@code %NUMBER} otherwise. The service: unless {@code NI_NUMERICSERV}, the name of the port in
 * the services database for {@code tcp}, or {@code udp} with {@code NI_DGRAM}; else the number.
 *
 * <p>Immutable and thread-safe.
 */
final class NameInfoLookup {
    private static final Path HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private final Supplier<Services> services;
    private final Supplier<Optional<String>> localDomain;

    /**
     * @param services the services database, asked for only when a port is named
     * @param localDomain this host's domain for {@code NI_NOFQDN}, asked for only then
     */
    NameInfoLookup(Supplier<Services> services, Supplier<Optional<String>> localDomain) {
        this.services = Objects.requireNonNull(services, "services");
        this.localDomain = Objects.requireNonNull(localDomain, "localDomain");
    }

    /** {@code getnameinfo(addr, flags)}; see {@link Resolver#getnameinfo}. */
    NameInfo getnameinfo(InetSockAddr addr, Set<NiFlag> flags) throws GaiException {
        Objects.requireNonNull(addr, "addr");
        Objects.requireNonNull(flags, "flags");
        String host = null;
        if (!flags.contains(NI_NUMERICHOST)) {
            host = reverseLookup(addr.address()).orElse(null);
            if (host != null && flags.contains(NI_NOFQDN)) {
                host = withoutDomain(host, localDomain.get());
            }
        }
        if (host == null) {
            if (flags.contains(NI_NAMEREQD)) {
                EnumSet<NiFlag> ordered = EnumSet.noneOf(NiFlag.class);
                ordered.addAll(flags);
                throw new GaiException(EaiError.EAI_NONAME, "getnameinfo(" + addr + ", " + ordered + ")");
            }
            host = numericHost(addr.address());
        }
        String port = Integer.toString(addr.port());
        String service = flags.contains(NI_NUMERICSERV) ? port
                : services.get().name(addr.port(), flags.contains(NI_DGRAM) ? "udp" : "tcp").orElse(port);
        return new NameInfo(host, service);
    }

    /**
     * {@code name} without {@code domain} as glibc's {@code NI_NOFQDN} cuts it: at the first place
     * {@code domain} occurs ({@code strstr}), if a dot comes right before it.
     */
    static String withoutDomain(String name, Optional<String> domain) {
        if (domain.isEmpty()) {
            return name;
        }
        int at = name.indexOf(domain.get());
        return at > 0 && name.charAt(at - 1) == '.' ? name.substring(0, at - 1) : name;
    }

    /**
     * This host's domain as glibc's {@code nrl_domainname} finds it, the part after the first dot
     * of the first of these that has one: the canonical name of {@code localhost}, the host name,
     * the canonical name of the host name, the name of {@code 127.0.0.1}. Canonical names come from
     * the hosts file (the JDK reports none); the last from the JDK's reverse lookup.
     */
    static Optional<String> systemDomain(Path hostsFile) {
        HostsFile hosts = HostsFile.read(hostsFile);
        Optional<String> domain = afterDot(hosts.canonicalIpv4Name("localhost"));
        if (domain.isPresent()) {
            return domain;
        }
        Optional<String> hostname = hostname();
        domain = afterDot(hostname).or(() -> afterDot(hostname.flatMap(hosts::canonicalIpv4Name)));
        return domain.isPresent() ? domain : afterDot(reverseLookup(Ipv4Address.LOOPBACK));
    }

    private static Optional<String> afterDot(Optional<String> name) {
        return name.filter(n -> n.indexOf('.') >= 0).map(n -> n.substring(n.indexOf('.') + 1));
    }

    private static Optional<String> hostname() {
        try {
            String name = new String(Files.readAllBytes(HOSTNAME), StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The name the system's resolver gives the address ({@code gethostbyaddr} through the JDK),
     * if it has one. The JDK answers with the address text when it finds no name, and also when
     * the name does not resolve back to the address.
     */
    private static Optional<String> reverseLookup(IpAddress address) {
        InetAddress jdk = address.toInetAddress();
        String name = jdk.getCanonicalHostName();
        return name.equals(jdk.getHostAddress()) ? Optional.empty() : Optional.of(name);
    }

    private static String numericHost(IpAddress address) {
        if (!(address instanceof Ipv6Address v6)) {
            return address.toString();
        }
        String text = Inet.inetNtop(AddressFamily.AF_INET6, v6.bytes());
        int scopeId = v6.scopeId();
        if (scopeId == 0) {
            return text;
        }
        boolean linkScope = v6.isLinkLocal() || (v6.group(0) & 0xff0f) == 0xff02;
        Optional<String> interfaceName = linkScope ? NetInterfaces.indexToName(scopeId) : Optional.empty();
        return text + '%' + interfaceName.orElse(Integer.toString(scopeId));
    }
}
