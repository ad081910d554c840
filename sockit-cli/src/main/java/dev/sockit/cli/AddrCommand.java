package dev.sockit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sockit addr FUNCTION ARGS...}: runs one address or byte-order helper and prints its
 * result; {@code -} in place of the last arguments reads them from standard input, a line per
 * call, and prints a line per result ({@code error: <reason>} for an invalid one).
 */
@Command(
        name = "addr",
        mixinStandardHelpOptions = true,
        description = {
            "Run a C address or byte-order function and print its result.",
            "Numbers are decimal or 0x hex. An argument of - reads the remaining arguments from",
            "standard input, one call per line (for one argument the whole line), and prints one",
            "result per line; an invalid line prints 'error: <reason>' and the exit status is 1."
        },
        footerHeading = "%nFunctions:%n",
        footer = {
            "  aton ADDRESS             inet_aton: any legacy IPv4 form -> A.B.C.D 0xHOSTORDER",
            "  addr ADDRESS             inet_addr: as aton (C returns INADDR_NONE on error)",
            "  network NETWORK          inet_network: a network number in host order",
            "  ntoa VALUE               inet_ntoa: the dotted quad of a host-order value",
            "  makeaddr NET HOST        inet_makeaddr: classful network + local address",
            "  lnaof ADDRESS            inet_lnaof: the local-address part",
            "  netof ADDRESS            inet_netof: the network part",
            "  htons|ntohs VALUE        16-bit byte order -> DECIMAL 0xHEX",
            "  htonl|ntohl VALUE        32-bit byte order -> DECIMAL 0xHEX",
            "  pton inet|inet6 TEXT     inet_pton: canonical text and bytes in hex",
            "  ntop inet|inet6 HEX      inet_ntop: bytes in hex to text",
            "  info ADDRESS             forms, byte orders, class and flags of an address",
            "",
            "Examples:",
            "  sockit addr aton 127.1             127.0.0.1 0x7f000001",
            "  sockit addr htons 0x1234           13330 0x3412",
            "  sockit addr pton inet6 ::1         ::1 00000000000000000000000000000001",
            "  printf '10.1\\n1.2.3.4\\n' | sockit addr aton -"
        })
final class AddrCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "One of the functions below.")
    private String functionName;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The function's arguments, or - to read them from standard input.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        AddrFunction function = function();
        int stdinAt = args.indexOf("-");
        if (stdinAt >= 0) {
            if (stdinAt != args.size() - 1 || stdinAt >= function.arity()) {
                throw usage("- must stand in place of the last arguments of " + function.name + " " + function.arguments);
            }
            return applyToLines(function, args.subList(0, stdinAt));
        }
        if (args.size() != function.arity()) {
            throw usage(function.name + " takes " + function.arguments + " (" + function.arity() + " argument"
                    + (function.arity() == 1 ? "" : "s") + "), got " + args.size());
        }
        try {
            spec.commandLine().getOut().println(function.apply(args));
            String note = function.note(args);
            if (!note.isEmpty()) {
                spec.commandLine().getErr().println("sockit addr: " + note);
            }
            return Cli.OK;
        } catch (InvalidInputException e) {
            spec.commandLine().getErr().println("sockit addr: " + e.getMessage());
            return Cli.FAILURE;
        }
    }

    private AddrFunction function() {
        try {
            return AddrFunction.named(functionName);
        } catch (InvalidInputException e) {
            throw usage(e.getMessage());
        }
    }

    private int applyToLines(AddrFunction function, List<String> fixed) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int missing = function.arity() - fixed.size();
        boolean allValid = true;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            List<String> call = new ArrayList<>(fixed);
            if (missing == 1) {
                call.add(line);
            } else {
                call.addAll(List.of(line.strip().split("\\s+")));
            }
            try {
                if (call.size() != function.arity()) {
                    throw new InvalidInputException(function.name + " \"" + line + "\": expected " + missing + " fields");
                }
                out.println(function.apply(call));
            } catch (InvalidInputException e) {
                out.println("error: " + e.getMessage());
                allValid = false;
            }
        }
        return allValid ? Cli.OK : Cli.FAILURE;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
