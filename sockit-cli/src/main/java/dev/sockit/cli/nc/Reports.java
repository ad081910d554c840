package dev.sockit.cli.nc;

import dev.sockit.addr.SockAddr;
import java.io.IOException;
import java.time.Duration;

/** The end of a session as the user sees it: taps closed, then the events, then the exit status. */
final class Reports {
    private Reports() {
    }

    /**
     * Closes {@code tap} (a write error there turns a success into exit status 1), reports
     * the {@code closed} event, the error if there was one, and the {@code -v} summary.
     *
     * @return the exit status
     */
    static int finish(Ending.Outcome outcome, TrafficTap tap, EventLog events, SockAddr peer, String proto, long sent,
            long received, Duration duration) {
        int status = outcome.status();
        String reason = outcome.reason();
        String error = outcome.error().orElse(null);
        try {
            tap.close();
        } catch (IOException e) {
            if (error == null) {
                status = ExitStatus.NETWORK;
                reason = "error";
                error = e.getMessage();
            }
        }
        events.closed(peer, proto, sent, received, duration, reason);
        if (error != null) {
            events.error(error, status);
        }
        events.summary(sent, received, duration);
        return status;
    }

    /** {@code 2s} or {@code 1500ms}: a duration as the time grammar writes it, for messages. */
    static String seconds(Duration time) {
        long millis = time.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
