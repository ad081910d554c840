package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code ./sockit} launcher at the repository root, run as a user runs it. */
class LauncherTest {
    private static final Path ROOT = Paths.get(System.getProperty("sockit.root", "..")).toAbsolutePath().normalize();

    @Test
    void launcher_findsAJdkAndRunsTheBuiltJar() throws Exception {
        SockitProcess.Result result = SockitProcess.start(List.of(ROOT.resolve("sockit").toString(), "--version"), "");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).startsWith("sockit ").contains("(Java ");
    }

    @Test
    void launcher_passesArgumentsAndExitStatusThrough() throws Exception {
        SockitProcess.Result result = SockitProcess.start(List.of(ROOT.resolve("sockit").toString(), "addr", "aton", "1.256.1.1"), "");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("sockit addr: aton \"1.256.1.1\": inet_aton returns 0 (not an IPv4 address)\n");
    }

    @Test
    void launcher_withoutAnyJdk21_saysSoAndFails() throws Exception {
        SockitProcess.Result result = SockitProcess.start(
                List.of("env", "-i", "PATH=/usr/bin:/bin", "HOME=/nonexistent", "SOCKIT_JDK_SEARCH_PATH=/nonexistent",
                        "/bin/bash", ROOT.resolve("sockit").toString(), "--version"), "");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("sockit: no JDK 21 or newer found (set SOCKIT_JAVA_HOME or JAVA_HOME)\n");
    }
}
