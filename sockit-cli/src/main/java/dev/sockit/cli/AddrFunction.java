package dev.sockit.cli;

import static dev.sockit.addr.Inet.inetAddr;
import static dev.sockit.addr.Inet.inetAton;
import static dev.sockit.addr.Inet.inetLnaof;
import static dev.sockit.addr.Inet.inetMakeaddr;
import static dev.sockit.addr.Inet.inetNetof;
import static dev.sockit.addr.Inet.inetNetwork;
import static dev.sockit.addr.Inet.inetNtoa;
import static dev.sockit.addr.Inet.inetNtop;
import static dev.sockit.addr.Inet.inetPton;
import static dev.sockit.addr.NetOrder.htonl;
import static dev.sockit.addr.NetOrder.htons;
import static dev.sockit.addr.NetOrder.ntohl;
import static dev.sockit.addr.NetOrder.ntohs;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.Inet;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.Ipv4Address;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The functions {@code sockit addr} runs, each printing one result as the output contract in
 * the README says: {@code <dotted-quad> 0x<8 hex digits>} (a host-order value) for the
 * IPv4 functions, {@code <decimal> 0x<hex>} for byte order, canonical text and bytes for
 * {@code pton}, text for {@code ntop}.
 */
enum AddrFunction {
    ATON("aton", "ADDRESS", "inet_aton: parse any legacy IPv4 form (127.1, 0x7f.1, 0177.0.0.1)") {
        @Override
        String apply(List<String> args) {
            return quadAndHex(legacyAddress(this, args.get(0)).hostOrder());
        }
    },
    ADDR("addr", "ADDRESS", "inet_addr: as aton; C returns INADDR_NONE (0xffffffff) for invalid text") {
        @Override
        String apply(List<String> args) {
            long sAddr = inetAddr(args.get(0));
            if (sAddr == Inet.INADDR_NONE && inetAton(args.get(0)).isEmpty()) {
                throw invalid(this, args.get(0), "inet_addr returns INADDR_NONE (not an IPv4 address)");
            }
            return quadAndHex(ntohl(sAddr));
        }

        @Override
        String note(List<String> args) {
            return inetAddr(args.get(0)) == Inet.INADDR_NONE
                    ? "note: inet_addr returns INADDR_NONE (0xffffffff) for this valid address too; C cannot tell it from an error (use inet_aton)"
                    : "";
        }
    },
    NETWORK("network", "NETWORK", "inet_network: parse a network number, in host order (10.1 is 0x00000a01)") {
        @Override
        String apply(List<String> args) {
            long value = inetNetwork(args.get(0));
            if (value == Inet.INADDR_NONE) {
                throw invalid(this, args.get(0), "inet_network returns -1 (not a network number)");
            }
            return quadAndHex(value);
        }
    },
    NTOA("ntoa", "VALUE", "inet_ntoa: the dotted quad of a host-order value (0x7f000001 is 127.0.0.1)") {
        @Override
        String apply(List<String> args) {
            return inetNtoa(Ipv4Address.ofHostOrder(Numbers.parseUnsigned(name, args.get(0), Numbers.U32_MAX)));
        }
    },
    MAKEADDR("makeaddr", "NET HOST", "inet_makeaddr: the address of network NET and local address HOST") {
        @Override
        String apply(List<String> args) {
            long net = Numbers.parseUnsigned(name + " NET", args.get(0), Numbers.U32_MAX);
            long host = Numbers.parseUnsigned(name + " HOST", args.get(1), Numbers.U32_MAX);
            return quadAndHex(inetMakeaddr(net, host).hostOrder());
        }
    },
    LNAOF("lnaof", "ADDRESS", "inet_lnaof: the local-address part of ADDRESS, by its class") {
        @Override
        String apply(List<String> args) {
            return quadAndHex(inetLnaof(legacyAddress(this, args.get(0))));
        }
    },
    NETOF("netof", "ADDRESS", "inet_netof: the network part of ADDRESS, by its class") {
        @Override
        String apply(List<String> args) {
            return quadAndHex(inetNetof(legacyAddress(this, args.get(0))));
        }
    },
    HTONS("htons", "VALUE", "htons: a 16-bit value from host to network byte order") {
        @Override
        String apply(List<String> args) {
            return decimalAndHex(htons((int) Numbers.parseUnsigned(name, args.get(0), Numbers.U16_MAX)), 4);
        }
    },
    NTOHS("ntohs", "VALUE", "ntohs: a 16-bit value from network to host byte order") {
        @Override
        String apply(List<String> args) {
            return decimalAndHex(ntohs((int) Numbers.parseUnsigned(name, args.get(0), Numbers.U16_MAX)), 4);
        }
    },
    HTONL("htonl", "VALUE", "htonl: a 32-bit value from host to network byte order") {
        @Override
        String apply(List<String> args) {
            return decimalAndHex(htonl(Numbers.parseUnsigned(name, args.get(0), Numbers.U32_MAX)), 8);
        }
    },
    NTOHL("ntohl", "VALUE", "ntohl: a 32-bit value from network to host byte order") {
        @Override
        String apply(List<String> args) {
            return decimalAndHex(ntohl(Numbers.parseUnsigned(name, args.get(0), Numbers.U32_MAX)), 8);
        }
    },
    PTON("pton", "inet|inet6 TEXT", "inet_pton: strict text to address; prints canonical text and bytes") {
        @Override
        String apply(List<String> args) {
            AddressFamily family = family(this, args.get(0));
            IpAddress address = inetPton(family, args.get(1))
                    .orElseThrow(() -> invalid(this, args.get(1), "inet_pton(" + family + ") returns 0 (not a valid address)"));
            return address + " " + HexFormat.of().formatHex(address.bytes());
        }
    },
    NTOP("ntop", "inet|inet6 HEXBYTES", "inet_ntop: address bytes (8 or 32 hex digits) to text") {
        @Override
        String apply(List<String> args) {
            AddressFamily family = family(this, args.get(0));
            int length = family == AddressFamily.AF_INET ? 4 : 16;
            String hex = args.get(1);
            if (hex.length() != 2 * length || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                throw invalid(this, hex, "expected " + (2 * length) + " hex digits for " + family);
            }
            return inetNtop(family, HexFormat.of().parseHex(hex));
        }
    },
    INFO("info", "ADDRESS", "everything about an address: forms, byte orders, class, flags") {
        @Override
        String apply(List<String> args) {
            return AddressReport.of(args.get(0));
        }
    };

    final String name;
    final String arguments;
    final String description;

    AddrFunction(String name, String arguments, String description) {
        this.name = name;
        this.arguments = arguments;
        this.description = description;
    }

    /** How many arguments the function takes. */
    int arity() {
        return arguments.split(" ").length;
    }

    /**
     * Runs the function on exactly {@link #arity()} arguments.
     *
     * @return the result: one line, or several for {@code info}
     * @throws InvalidInputException if an argument is invalid, naming the function and the input
     */
    abstract String apply(List<String> args);

    /** A remark for a learner about a valid result, printed to stderr by a single call; empty for none. */
    String note(List<String> args) {
        return "";
    }

    /** The function called {@code name}, if there is one. */
    static AddrFunction named(String name) {
        for (AddrFunction function : values()) {
            if (function.name.equals(name)) {
                return function;
            }
        }
        throw new InvalidInputException("no function \"" + name + "\" (expected one of: " + names() + ")");
    }

    static String names() {
        StringBuilder names = new StringBuilder();
        for (AddrFunction function : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(function.name);
        }
        return names.toString();
    }

    static InvalidInputException invalid(AddrFunction function, String input, String problem) {
        return new InvalidInputException(function.name + " \"" + input + "\": " + problem);
    }

    private static Ipv4Address legacyAddress(AddrFunction function, String text) {
        return inetAton(text).orElseThrow(() -> invalid(function, text, "inet_aton returns 0 (not an IPv4 address)"));
    }

    private static AddressFamily family(AddrFunction function, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "inet", "af_inet", "4" -> AddressFamily.AF_INET;
            case "inet6", "af_inet6", "6" -> AddressFamily.AF_INET6;
            default -> throw invalid(function, text, "unknown family (expected: inet or inet6)");
        };
    }

    static String quadAndHex(long hostOrder) {
        return Ipv4Address.ofHostOrder(hostOrder) + " " + hex(hostOrder, 8);
    }

    private static String decimalAndHex(long value, int digits) {
        return value + " " + hex(value, digits);
    }

    static String hex(long value, int digits) {
        return "0x" + HexFormat.of().toHexDigits(value).substring(16 - digits);
    }
}
