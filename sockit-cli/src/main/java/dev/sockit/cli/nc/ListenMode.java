package dev.sockit.cli.nc;

import java.util.List;

/** {@code sockit -l}: listen mode. */
public final class ListenMode {
    private ListenMode() {
    }

    /**
     * Runs listen mode.
     *
     * @return an {@link ExitStatus}
     */
    public static int run(NetcatOptions options, List<String> operands, EventLog events) {
        System.err.println("listen mode: not built yet");
        return 1;
    }
}
