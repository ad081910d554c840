"""select_oracle: what CPython's select module (Linux's poll(2) and select(2) underneath)
reports in each scenario SelectOracleTest runs with sockit, one line per scenario: NAME OUTCOME.

OUTCOME is a revents mask as POLL* names joined by "|" in bit order ("-" when poll reports
nothing for the socket), select's three lists as "r=a,b w=c x=", an errno name, or several of
these joined by ";". Each scenario first waits (for up to PATIENCE) until the event it is
about has arrived, then measures with a zero timeout. Everything happens on loopback.
"""
import select as P
import socket as S
import time

from socket_oracle import FAMILIES, PATIENCE, closed_port, errname, listener, loopback, outcome, pair, reset_pair


def so_error(sock):
    number = sock.getsockopt(S.SOL_SOCKET, S.SO_ERROR)
    return errname(number) if number else "0"

NAMES = [
    (P.POLLIN, "POLLIN"), (P.POLLPRI, "POLLPRI"), (P.POLLOUT, "POLLOUT"), (P.POLLERR, "POLLERR"),
    (P.POLLHUP, "POLLHUP"), (P.POLLNVAL, "POLLNVAL"), (P.POLLRDNORM, "POLLRDNORM"),
    (P.POLLRDBAND, "POLLRDBAND"), (P.POLLWRNORM, "POLLWRNORM"), (P.POLLWRBAND, "POLLWRBAND"),
    (P.POLLMSG, "POLLMSG"), (P.POLLRDHUP, "POLLRDHUP"),
]
EVERY = (P.POLLIN | P.POLLPRI | P.POLLOUT | P.POLLRDNORM | P.POLLRDBAND | P.POLLWRNORM | P.POLLWRBAND
         | P.POLLRDHUP)
DEFAULT = P.POLLIN | P.POLLPRI | P.POLLOUT


def names(mask):
    return "|".join(name for bit, name in NAMES if mask & bit) or "0"


def settle(sock, events):
    p = P.poll()
    p.register(sock, events)
    p.poll(PATIENCE * 1000)


def settle_until(sock, bits):
    """Polls until the socket reports one of bits, which no event wakes poll for on its own."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        found = P.poll()
        found.register(sock, EVERY)
        if any(mask & bits for _, mask in found.poll(0)):
            return


def revents(sock, events=EVERY):
    p = P.poll()
    p.register(sock, events)
    found = p.poll(0)
    return names(found[0][1]) if found else "-"


def selected(labels, rlist, wlist, xlist, timeout=0):
    r, w, x = P.select(rlist, wlist, xlist, timeout)
    label = {id(s): name for name, s in labels.items()}
    return " ".join(k + "=" + ",".join(label[id(s)] for s in found) for k, found in (("r", r), ("w", w), ("x", x)))


def udp(family):
    u = S.socket(family, S.SOCK_DGRAM)
    u.bind(loopback(family))
    return u


def with_datagram(family):
    u = udp(family)
    S.socket(family, S.SOCK_DGRAM).sendto(b"datagram", u.getsockname())
    settle(u, P.POLLIN)
    return u


def with_data(family):
    c, a = pair(family)
    a.sendall(b"data")
    settle(c, P.POLLIN)
    return c, a


def at_eof(family):
    c, a = pair(family)
    a.shutdown(S.SHUT_WR)
    settle(c, P.POLLIN)
    return c, a


def pending_listener(family):
    l = listener(family)
    c = S.socket(family)
    c.connect(l.getsockname())
    settle(l, P.POLLIN)
    return l, c


def connecting(family, address):
    c = S.socket(family)
    c.setblocking(False)
    c.connect_ex(address)
    settle(c, P.POLLOUT)
    return c


def hung_up(family):
    c, a = pair(family)
    c.shutdown(S.SHUT_WR)
    a.recv(10)
    a.close()
    settle(c, P.POLLIN | P.POLLRDHUP)
    return c


def urgent(family):
    c, a = pair(family)
    a.send(b"!", S.MSG_OOB)
    a.send(b"x")
    settle(c, P.POLLIN)
    return c, a


def family_cases(name, f):
    cases = {}

    def poll_listener_pending():
        l, c = pending_listener(f)
        return revents(l) + ";" + revents(l, DEFAULT)

    def poll_listener_idle():
        return revents(listener(f))

    def poll_fresh_tcp():
        return revents(S.socket(f)) + ";" + revents(S.socket(f), DEFAULT)

    def poll_connected_idle():
        c, a = pair(f)
        return revents(c) + ";" + revents(c, P.POLLIN) + ";" + revents(c, P.POLLOUT)

    def poll_data():
        c, a = with_data(f)
        return revents(c) + ";" + revents(c, DEFAULT) + ";" + revents(c, P.POLLIN)

    def poll_data_after_peek():
        c, a = with_data(f)
        c.recv(1, S.MSG_PEEK)
        return revents(c) + ";" + outcome(lambda: c.recv(4, S.MSG_WAITALL)) + ";" + revents(c)

    def poll_eof():
        c, a = at_eof(f)
        return revents(c) + ";" + revents(c, DEFAULT) + ";" + outcome(lambda: c.recv(10))

    def poll_eof_after_data():
        c, a = pair(f)
        a.sendall(b"last")
        a.shutdown(S.SHUT_WR)
        settle(c, P.POLLRDHUP)
        return revents(c) + ";" + outcome(lambda: c.recv(10)) + ";" + revents(c) + ";" + outcome(lambda: c.recv(10))

    def poll_reset():
        c = reset_pair(f)
        return ";".join([revents(c), revents(c), outcome(lambda: c.recv(10)), revents(c), outcome(lambda: c.recv(10))])

    def poll_reset_so_error():
        c = reset_pair(f)
        return ";".join([revents(c), so_error(c), revents(c),
                         outcome(lambda: c.recv(10))])

    def poll_reset_send():
        c = reset_pair(f)
        return ";".join([revents(c), outcome(lambda: c.send(b"x")), outcome(lambda: c.recv(10))])

    def poll_reset_no_events():
        c = reset_pair(f)
        return revents(c, 0)

    def poll_hup():
        return revents(hung_up(f))

    def poll_shutdown():
        results = []
        for how in (S.SHUT_RD, S.SHUT_WR, S.SHUT_RDWR):
            c, a = pair(f)
            c.shutdown(how)
            results.append(revents(c))
        return ";".join(results)

    def poll_peer_closed():
        c, a = pair(f)
        a.close()
        settle(c, P.POLLIN)
        at_eof = revents(c)
        sent = outcome(lambda: c.sendall(b"x"))
        settle_until(c, P.POLLERR)
        return ";".join([at_eof, sent, revents(c), outcome(lambda: c.recv(10)), outcome(lambda: c.sendall(b"x"))])

    def poll_closed():
        c, a = pair(f)
        p = P.poll()
        p.register(c.fileno(), DEFAULT)
        c.close()
        return names(p.poll(0)[0][1])

    def poll_udp():
        fresh = S.socket(f, S.SOCK_DGRAM)
        return revents(fresh) + ";" + revents(udp(f)) + ";" + revents(with_datagram(f)) + ";" + revents(
            with_datagram(f), DEFAULT)

    def poll_udp_shutdown():
        results = []
        for how in (S.SHUT_RD, S.SHUT_WR, S.SHUT_RDWR):
            u = S.socket(f, S.SOCK_DGRAM)
            u.connect(udp(f).getsockname())
            u.shutdown(how)
            results.append(revents(u))
        return ";".join(results)

    def poll_udp_refused():
        u = S.socket(f, S.SOCK_DGRAM)
        u.connect(closed_port(f))
        u.send(b"x")
        P.select([u], [], [], PATIENCE)
        return revents(u) + ";" + outcome(lambda: u.recv(10))

    def poll_mixed():
        u = with_datagram(f)
        l, _ = pending_listener(f)
        idle, _ = pair(f)
        c, a = with_data(f)
        p = P.poll()
        p.register(u)
        p.register(l)
        p.register(idle, P.POLLIN)
        p.register(c, P.POLLIN | P.POLLOUT | P.POLLRDHUP)
        label = {u.fileno(): "udp", l.fileno(): "listener", idle.fileno(): "idle", c.fileno(): "stream"}
        return " ".join(label[fd] + "=" + names(mask) for fd, mask in p.poll(0))

    def poll_connect():
        l = listener(f)
        return revents(connecting(f, l.getsockname()))

    def poll_connect_refused():
        c = connecting(f, closed_port(f))
        return revents(c) + ";" + so_error(c)

    def poll_urgent():
        c, a = urgent(f)
        return revents(c) + ";" + revents(c, P.POLLPRI)

    def select_listener():
        l, c = pending_listener(f)
        idle = listener(f)
        return selected({"l": l, "idle": idle}, [l, idle], [l, idle], [l, idle])

    def select_stream():
        c, a = with_data(f)
        idle, _ = pair(f)
        return selected({"c": c, "idle": idle}, [c, idle], [c, idle], [c, idle])

    def select_eof():
        c, a = at_eof(f)
        return selected({"c": c}, [c], [c], [c])

    def select_reset():
        c = reset_pair(f)
        return selected({"c": c}, [c], [c], [c]) + ";" + outcome(lambda: c.recv(10))

    def select_hup():
        c = hung_up(f)
        return selected({"c": c}, [c], [c], [c])

    def select_fresh_tcp():
        s = S.socket(f)
        return selected({"s": s}, [s], [s], [s])

    def select_connect():
        l = listener(f)
        c = connecting(f, l.getsockname())
        return selected({"c": c}, [c], [c], [c]) + ";" + so_error(c)

    def select_connect_refused():
        c = connecting(f, closed_port(f))
        return selected({"c": c}, [c], [c], [c]) + ";" + so_error(c)

    def select_udp():
        u = with_datagram(f)
        idle = udp(f)
        return selected({"u": u, "idle": idle}, [u, idle], [u, idle], [u, idle])

    def select_urgent():
        c, a = urgent(f)
        return selected({"c": c}, [], [], [c])

    def select_mixed():
        u = with_datagram(f)
        l, _ = pending_listener(f)
        idle, _ = pair(f)
        c, a = with_data(f)
        return selected({"u": u, "l": l, "idle": idle, "c": c}, [c, idle, l, u, c], [idle, l], [])

    def select_closed():
        c, a = pair(f)
        fd = c.fileno()
        c.close()
        return outcome(lambda: P.select([fd], [], [], 0))

    for case in (poll_listener_pending, poll_listener_idle, poll_fresh_tcp, poll_connected_idle, poll_data,
                 poll_data_after_peek, poll_eof, poll_eof_after_data, poll_reset, poll_reset_so_error,
                 poll_reset_send, poll_reset_no_events, poll_hup, poll_peer_closed, poll_shutdown, poll_closed, poll_udp,
                 poll_udp_shutdown, poll_udp_refused, poll_mixed, poll_connect, poll_connect_refused, poll_urgent,
                 select_listener, select_stream, select_eof, select_reset, select_hup, select_fresh_tcp,
                 select_connect, select_connect_refused, select_udp, select_urgent, select_mixed, select_closed):
        cases[case.__name__ + "_" + name] = case
    return cases


def unix_cases():
    def poll_unix_pair():
        a, b = S.socketpair()
        idle = revents(a)
        b.sendall(b"data")
        settle(a, P.POLLIN)
        data = revents(a)
        b.shutdown(S.SHUT_WR)
        a.recv(10)
        eof = revents(a)
        a.shutdown(S.SHUT_WR)
        return ";".join([idle, data, eof, revents(a)])

    def poll_unix_peer_closed():
        a, b = S.socketpair()
        b.close()
        return revents(a)

    def poll_unix_fresh():
        return revents(S.socket(S.AF_UNIX))

    return {"poll_unix_pair": poll_unix_pair, "poll_unix_peer_closed": poll_unix_peer_closed,
            "poll_unix_fresh": poll_unix_fresh}


def api_cases():
    def poll_register_twice():
        c, a = pair()
        p = P.poll()
        p.register(c, P.POLLIN)
        p.register(c, P.POLLOUT)
        return ";".join(names(mask) for _, mask in p.poll(0))

    def poll_modify():
        c, a = pair()
        p = P.poll()
        p.register(c, P.POLLIN)
        before = len(p.poll(0))
        p.modify(c, P.POLLOUT)
        return str(before) + ";" + ";".join(names(mask) for _, mask in p.poll(0))

    def poll_modify_unregistered():
        c, a = pair()
        return outcome(lambda: P.poll().modify(c, P.POLLIN))

    def poll_unregister():
        c, a = pair()
        p = P.poll()
        p.register(c)
        p.unregister(c)
        try:
            p.unregister(c)
            second = "OK"
        except KeyError:
            second = "KeyError"
        return str(len(p.poll(0))) + ";" + second

    def select_nothing():
        return selected({}, [], [], [])

    return {f.__name__: f for f in (poll_register_twice, poll_modify, poll_modify_unregistered, poll_unregister,
                                    select_nothing)}


if __name__ == "__main__":
    for family_name, family in FAMILIES.items():
        for name, case in family_cases(family_name, family).items():
            print(name, case())
    for name, case in {**unix_cases(), **api_cases()}.items():
        print(name, case())
