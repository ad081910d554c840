package dev.sockit.cli.nc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The top-level help with the netcat's options in sections (mode and addresses, time limits,
 * end of stream, data, socket options, many clients, programs and services, reporting), each
 * sorted by name, then the command's other options. An option no section names is listed
 * under "Other options", so none is ever left out.
 */
public final class NetcatHelp {
    private static final Map<String, List<String>> SECTIONS = sections();

    private NetcatHelp() {
    }

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("Mode and addresses", List.of("-l", "-u", "-U", "-4", "-6", "-n", "-s", "-p", "-z", "-r", "--any"));
        sections.put("Time limits", List.of("-w", "-i", "--accept-timeout", "--wait-for-port", "--retry", "--retry-interval", "-q"));
        sections.put("End of stream", List.of("-N", "--no-shutdown", "--keep-stdin", "--exit-on-peer-close"));
        sections.put("Data", List.of("-C", "--send-only", "--recv-only", "--no-stdin", "-d", "-W", "-o", "-x", "--append-output"));
        sections.put("Socket options", List.of("-I", "-O", "-T", "-b", "-D"));
        sections.put("Many clients (with -l)", List.of("-k", "-m", "--allow", "--allowfile", "--deny", "--denyfile", "--broker", "--chat",
                "--broker-console"));
        sections.put("Programs (-e, -c: also when connecting) and services (with -l)", List.of("-e", "-c", "--echo", "--discard", "--chargen", "--reply"));
        sections.put("Reporting", List.of("-v", "--json"));
        return sections;
    }

    /** Makes {@code commandLine}'s option list the sectioned one. */
    public static void install(CommandLine commandLine) {
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, NetcatHelp::optionList);
    }

    private static String optionList(Help help) {
        Map<String, List<OptionSpec>> grouped = new LinkedHashMap<>();
        SECTIONS.keySet().forEach(heading -> grouped.put(heading, new ArrayList<>()));
        List<OptionSpec> other = new ArrayList<>();
        for (OptionSpec option : help.commandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            String heading = SECTIONS.entrySet().stream()
                    .filter(section -> section.getValue().contains(option.shortestName()) || section.getValue().contains(option.longestName()))
                    .map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            (heading == null ? other : grouped.get(heading)).add(option);
        }
        grouped.put("Other options", other);
        StringBuilder text = new StringBuilder();
        grouped.forEach((heading, options) -> {
            if (!options.isEmpty()) {
                text.append(String.format("%n%s:%n", heading)).append(help.optionListExcludingGroups(options));
            }
        });
        return text.toString();
    }
}
