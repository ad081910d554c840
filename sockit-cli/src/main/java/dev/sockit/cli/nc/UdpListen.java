package dev.sockit.cli.nc;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.server.CloseCause;
import dev.sockit.server.DatagramHandler;
import dev.sockit.server.Peer;
import dev.sockit.server.UdpServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * {@code sockit -l -u}: a UDP listener on one socket ({@link UdpServer}), its peers told apart
 * by source address. Without {@code -k} the first peer admitted is the only one served (the
 * datagrams of others are dropped); with {@code -k} every peer is served, stdin going to every
 * live peer, one datagram per read. {@code -i} expires a peer idle that long (a {@code closed}
 * event; without {@code -k} the listener then ends with status 4). Access rules and {@code -m}
 * apply to peers as to TCP clients. A host that resolves to several addresses is listened on
 * at its first.
 */
final class UdpListen {
    private UdpListen() {
    }

    static int run(NetcatOptions options, ListenPlan plan, ListenAddresses where, AccessRules rules, TrafficTap tap, EventLog events) {
        ListenSession session = new ListenSession(events, "udp", rules, plan.keepOpen(), plan.maxClients());
        Clients clients = new Clients();
        StdoutPump stdout = StdoutPump.stdout(e -> {
            events.error("stdout: " + e.getMessage(), ExitStatus.NETWORK);
            session.finish(ExitStatus.NETWORK);
        });
        UdpServer server;
        try {
            server = UdpServer.start(ListenMode.config(options).bind(where.addresses().get(0)).build(), () -> new PeerSession(session, options, plan, clients, stdout, tap, where.addresses().get(0)));
        } catch (IOException e) {
            events.error("cannot listen on " + where.addresses().get(0) + ": " + e.getMessage(), ExitStatus.NETWORK);
            ListenMode.finish(stdout);
            return ExitStatus.NETWORK;
        }
        Thread hook = ListenMode.flushOnExit(stdout);
        try {
            session.bound(server.localAddress());
            events.listening(server.localAddress(), "udp");
            if (options.acceptTimeout != null) {
                session.acceptTimeout(options.acceptTimeout);
            }
            if (plan.readsStdin()) {
                StdinReader.start(StdinReader.fanOut(clients), tap, StdinReader.UDP_CHUNK, options);
            }
            int status = session.awaitEnd();
            clients.close();
            server.close();
            if (stdout.dropped() > 0) {
                events.note(1, stdout.dropped() + " datagrams dropped: stdout was more than 4 MiB behind");
            }
            return status;
        } finally {
            ListenMode.finish(stdout);
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** One peer: admitted or not, then served as the plan says. */
    private static final class PeerSession implements DatagramHandler, Outlet {
        private final ListenSession session;
        private final NetcatOptions options;
        private final ListenPlan plan;
        private final Clients clients;
        private final StdoutPump stdout;
        private final TrafficTap tap;
        private volatile Peer peer;
        private boolean admitted;
        private boolean replied;
        private long openedAt;
        private volatile long bytesIn;
        private volatile long bytesOut;
        private ExecProcess program;
        private final InetSockAddr bindAddress;

        PeerSession(ListenSession session, NetcatOptions options, ListenPlan plan, Clients clients, StdoutPump stdout, TrafficTap tap,
                InetSockAddr bindAddress) {
            this.session = session;
            this.bindAddress = bindAddress;
            this.options = options;
            this.plan = plan;
            this.clients = clients;
            this.stdout = stdout;
            this.tap = tap;
        }

        @Override
        public void onPeerOpen(Peer p) {
            peer = p;
            openedAt = System.nanoTime();
            if (!session.admit(p.remoteAddress())) {
                p.close();
                return;
            }
            admitted = true;
            if (plan.kind() == ListenPlan.Kind.STDIO && !plan.sendsNothing()) {
                clients.add(this);
            } else if (plan.kind() == ListenPlan.Kind.EXEC) {
                startProgram(p);
            }
        }

        @Override
        public void onDatagram(Peer p, ByteBuffer data) {
            if (!admitted) {
                data.position(data.limit());
                return;
            }
            bytesIn += data.remaining();
            switch (plan.kind()) {
                case STDIO -> {
                    if (options.sendOnly) {
                        data.position(data.limit());
                    } else {
                        tap.record(TrafficTap.Direction.RECEIVED, data);
                        stdout.offerOrDrop(data);
                    }
                }
                case ECHO -> send(data);
                case REPLY -> {
                    data.position(data.limit());
                    if (!replied) {
                        replied = true;
                        send(ByteBuffer.wrap(options.reply.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    }
                }
                case EXEC -> {
                    if (program != null) {
                        program.input(data);
                    }
                }
                default -> data.position(data.limit());
            }
        }

        @Override
        public void onPeerClose(Peer p, CloseCause cause) {
            if (!admitted) {
                return;
            }
            clients.remove(this);
            if (program != null) {
                program.abandon();
            }
            session.ended(p.remoteAddress(), bytesOut, bytesIn, Duration.ofNanos(System.nanoTime() - openedAt), cause, true);
        }

        @Override
        public void send(ByteBuffer data) {
            int n = data.remaining();
            if (peer.send(data)) {
                bytesOut += n;
            }
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public void endOutput() {
            // UDP has no end of stream to send.
        }

        private void startProgram(Peer p) {
            try {
                program = ExecProcess.start(plan.command(), p.remoteAddress(), session.local().orElse(bindAddress), "udp", new ExecProcess.Output() {
                    @Override
                    public void data(ByteBuffer chunk) {
                        send(chunk);
                    }

                    @Override
                    public void awaitRoom() {
                        // A datagram is sent or dropped at once.
                    }

                    @Override
                    public void ended() {
                        p.close();
                    }
                }, () -> { });
            } catch (IOException e) {
                session.events().error("cannot run " + plan.command().get(0) + ": " + e.getMessage(), ExitStatus.NETWORK);
                p.close();
            }
        }
    }
}
