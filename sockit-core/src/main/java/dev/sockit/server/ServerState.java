package dev.sockit.server;

/** A server's life: {@code RUNNING → SHUTDOWN → TERMINATED}, never back. */
public enum ServerState {
    /** Accepting and serving. */
    RUNNING,
    /** Stopped accepting; open connections drain until they close or the grace period ends. */
    SHUTDOWN,
    /** Every connection closed, every loop thread ended. */
    TERMINATED
}
