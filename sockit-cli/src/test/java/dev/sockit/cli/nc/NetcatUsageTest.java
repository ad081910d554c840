package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.SockitProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad command lines: each gives exit status 2 and exactly one line on stderr,
 * {@code sockit: ...} naming the problem, never a stack trace; with {@code --json}, that line
 * is a JSON {@code error} event. The cases run a few processes at a time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetcatUsageTest {
    @TempDir
    Path temp;

    private record Case(List<String> args, String expected) {
    }

    private static Case usage(String expected, String... args) {
        return new Case(List.of(args), expected);
    }

    private List<Case> cases() throws IOException {
        Path plainFile = Files.writeString(temp.resolve("plain"), "not a socket");
        return List.of(
                usage("HOST 127.0.0.1 without PORT", "127.0.0.1"),
                usage("PORT \"0\": out of range (expected: 1-65535)", "127.0.0.1", "0"),
                usage("PORT \"70000\": out of range", "127.0.0.1", "70000"),
                usage("PORT \"abc\": not a port number", "127.0.0.1", "abc"),
                usage("too many operands: 81", "127.0.0.1", "80", "81"),
                usage("PORT \"30-20\": range backwards", "-z", "127.0.0.1", "30-20"),
                usage("PORT \"0\": out of range", "-z", "127.0.0.1", "0-5"),
                usage("PORT \"\": not a port number", "-z", "127.0.0.1", "80,"),
                usage("-z needs PORT after HOST 127.0.0.1", "-z", "127.0.0.1"),
                usage("-p \"70000\": out of range", "-p", "70000", "127.0.0.1", "80"),
                usage("-p \"-1\": not a port number (expected: 0-65535)", "-p", "-1", "127.0.0.1", "80"),
                usage("-s \"300.1.1.1\": not an IP address", "-s", "300.1.1.1", "127.0.0.1", "80"),
                usage("-s \"example.com\": not an IP address", "-s", "example.com", "127.0.0.1", "80"),
                usage("-s ::1: not an IPv4 address (-4 is given)", "-4", "-s", "::1", "127.0.0.1", "80"),
                usage("HOST \"localhost\": not a numeric address", "-n", "localhost", "80"),
                usage("HOST 127.0.0.1: not an IPv6 address (as -6 or the -s address asks)", "-6", "127.0.0.1", "80"),
                usage("HOST ::1: not an IPv4 address (as -4 or the -s address asks)", "-s", "127.0.0.1", "::1", "80"),
                usage("HOST ::1: not an IPv4 address (as -4 or the -s address asks)", "-z", "-4", "::1", "80"),
                usage("-4 and -6 exclude each other", "-4", "-6", "127.0.0.1", "80"),
                usage("--send-only and --recv-only exclude each other", "--send-only", "--recv-only", "127.0.0.1", "80"),
                usage("-u and -U exclude each other", "-u", "-U", temp.resolve("s").toString()),
                usage("-z and -l exclude each other", "-z", "-l", "80"),
                usage("-e and -c exclude each other", "-l", "-e", "/bin/cat", "-c", "cat", "80"),
                usage("-N and --no-shutdown exclude each other", "-N", "--no-shutdown", "127.0.0.1", "80"),
                usage("--keep-stdin and --no-stdin exclude each other", "--keep-stdin", "--no-stdin", "127.0.0.1", "80"),
                usage("-z and -U exclude each other", "-z", "-U", temp.resolve("s").toString()),
                usage("-U and -4 exclude each other", "-U", "-4", temp.resolve("s").toString()),
                usage("-u and --wait-for-port exclude each other", "-u", "--wait-for-port", "127.0.0.1", "80"),
                usage("--broker needs -l", "--broker", "127.0.0.1", "80"),
                usage("--chat needs -l", "--chat", "127.0.0.1", "80"),
                usage("--echo needs -l", "--echo", "127.0.0.1", "80"),
                usage("-k needs -l", "-k", "127.0.0.1", "80"),
                usage("-m needs -l", "-m", "5", "127.0.0.1", "80"),
                usage("--allow needs -l", "--allow", "127.0.0.1", "127.0.0.1", "80"),
                usage("--reply needs -l", "--reply", "hi", "127.0.0.1", "80"),
                usage("-z and -e exclude each other", "-z", "-e", "/bin/cat", "127.0.0.1", "80"),
                usage("-e \"\": no program given", "-e", " ", "127.0.0.1", "80"),
                usage("-r needs -z", "-r", "127.0.0.1", "80"),
                usage("--any needs -z", "--any", "127.0.0.1", "80"),
                usage("--wait-for-port does not go with -l", "-l", "--wait-for-port", "80"),
                usage("-I \"0\": not a buffer size", "-I", "0", "127.0.0.1", "80"),
                usage("-O \"x\": not a buffer size", "-O", "x", "127.0.0.1", "80"),
                usage("-T \"fast\": not a type of service", "-T", "fast", "127.0.0.1", "80"),
                usage("-T \"256\": not a type of service", "-T", "256", "127.0.0.1", "80"),
                usage("-w 0: must be more than zero", "-w", "0", "127.0.0.1", "80"),
                usage("time \"soon\": not a time", "-w", "soon", "127.0.0.1", "80"),
                usage("-W 0: out of range", "-W", "0", "127.0.0.1", "80"),
                usage("--retry -1: out of range", "--retry", "-1", "127.0.0.1", "80"),
                usage("-U " + plainFile + ": exists and is not a socket", "-U", plainFile.toString()),
                usage("-U " + plainFile + ": exists and is not a socket", "-l", "-U", plainFile.toString()),
                usage("-U takes one operand, PATH (extra: 80)", "-U", temp.resolve("s").toString(), "80"),
                usage("-x " + temp.resolve("no/such/dir") + ": cannot open for writing", "-x", temp.resolve("no/such/dir").toString(), "127.0.0.1", "80"),
                usage("Unknown option: '--bogus'", "--bogus", "127.0.0.1", "80"));
    }

    @Test
    void run_badCommandLine_exits2WithOneLineNamingTheProblem() throws Exception {
        List<Case> cases = cases();
        SoftAssertions softly = new SoftAssertions();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<SockitProcess.Result>> results = new ArrayList<>();
            for (Case c : cases) {
                results.add(pool.submit(() -> SockitProcess.run(c.args().toArray(String[]::new))));
            }
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                SockitProcess.Result result = results.get(i).get();
                String what = String.join(" ", c.args());
                softly.assertThat(result.exitCode()).as("exit status of: %s (stderr %s)", what, result.stderr()).isEqualTo(2);
                softly.assertThat(result.stderr().lines().toList()).as("stderr of: %s", what).hasSize(1);
                softly.assertThat(result.stderr()).as("stderr of: %s", what).startsWith("sockit: ").contains(c.expected())
                        .doesNotContain("Exception").doesNotContain("\tat ");
                softly.assertThat(result.stdout()).as("stdout of: %s", what).isEmpty();
            }
        }
        softly.assertAll();
    }

    @Test
    void run_badCommandLineWithJson_printsOneErrorEvent() throws Exception {
        SockitProcess.Result result = SockitProcess.run("--json", "127.0.0.1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines().toList()).hasSize(1);
        assertThat(result.stderr()).startsWith("{\"event\":\"error\",\"ts\":\"")
                .contains("\"message\":\"HOST 127.0.0.1 without PORT (expected: HOST PORT)\"")
                .contains("\"exit_status\":2}");
    }

    @Test
    void help_everyNetcatFlagInItsSection() throws Exception {
        SockitProcess.Result result = SockitProcess.run("--help");

        assertThat(result.exitCode()).isZero();
        String help = result.stdout();
        assertThat(help).contains("Usage: sockit [options] HOST PORT", "sockit -l [options] [HOST] [PORT]", "sockit -z [options] HOST PORT...");
        List<String> headings = List.of("Mode and addresses:", "Time limits:", "End of stream:", "Data:", "Socket options:",
                "Many clients (with -l):", "Programs (-e, -c: also when connecting) and services (with -l):", "Reporting:", "Other options:", "Commands:", "Exit status:");
        int at = -1;
        for (String heading : headings) {
            int next = help.indexOf("\n" + heading + "\n");
            assertThat(next).as("heading %s after the one before", heading).isGreaterThan(at);
            at = next;
        }
        for (java.lang.reflect.Field field : NetcatOptions.class.getDeclaredFields()) {
            picocli.CommandLine.Option option = field.getAnnotation(picocli.CommandLine.Option.class);
            if (option != null) {
                for (String name : option.names()) {
                    assertThat(help).as("help names %s", name).containsPattern("(?m)^ +(-\\S+, )?" + java.util.regex.Pattern.quote(name) + "([ =,]|$)");
                }
            }
        }
        assertThat(help.substring(help.indexOf("\nOther options:\n"), help.indexOf("\nCommands:\n")))
                .as("no netcat flag left out of the sections").doesNotContain("-l", "--json", "-z");
        assertThat(help).contains("3  netcat: connect timeout", "4  netcat: idle timeout (-i)");
    }

    @Test
    void run_noArguments_printsUsageAndExits0() throws Exception {
        SockitProcess.Result result = SockitProcess.run();

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("Usage: sockit");
    }
}
