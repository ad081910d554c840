"""socket_oracle: what CPython's socket module (Linux's kernel underneath) reports in each
scenario SocketOracleTest runs with sockit, one line per scenario: NAME OUTCOME.

OUTCOME is an errno macro name, OK, TIMEOUT (Python's TimeoutError, which has no errno), EOF
(an empty recv), a short word the scenario prints, or several of these joined by commas.
Everything happens on loopback, on ports the kernel picks.
"""
import errno
import os
import select
import socket as S
import struct
import tempfile

PATIENCE = 10
SHORT = 0.1
NOT_LOCAL = {S.AF_INET: "192.0.2.77", S.AF_INET6: "2001:db8::77"}
LOOPBACK = {S.AF_INET: "127.0.0.1", S.AF_INET6: "::1"}
FAMILIES = {"inet": S.AF_INET, "inet6": S.AF_INET6}


def errname(number):
    return "EOPNOTSUPP" if number == errno.EOPNOTSUPP else errno.errorcode[number]


def outcome(call):
    try:
        result = call()
    except TimeoutError as e:
        return errname(e.errno) if e.errno else "TIMEOUT"
    except OSError as e:
        return errname(e.errno)
    if result is None:
        return "OK"
    if isinstance(result, bytes):
        return "EOF" if result == b"" else "DATA"
    return str(result)


def outcomes(*calls):
    return ",".join(outcome(call) for call in calls)


def loopback(family):
    return (LOOPBACK[family], 0)


def listener(family=S.AF_INET, backlog=1):
    s = S.socket(family)
    s.bind(loopback(family))
    s.listen(backlog)
    return s


def pair(family=S.AF_INET):
    with listener(family) as l:
        c = S.socket(family)
        c.connect(l.getsockname())
        a, _ = l.accept()
        return c, a


def reset_pair(family=S.AF_INET):
    c, a = pair(family)
    a.setsockopt(S.SOL_SOCKET, S.SO_LINGER, struct.pack("ii", 1, 0))
    a.close()
    select.select([c], [], [], PATIENCE)
    return c


def closed_port(family=S.AF_INET):
    with S.socket(family) as s:
        s.bind(loopback(family))
        return s.getsockname()


def full_listener(family=S.AF_INET):
    """Backlog 1 and two connections not accepted: Linux drops the next SYN."""
    l = listener(family, 1)
    queued = []
    for _ in range(2):
        c = S.socket(family)
        c.settimeout(PATIENCE)
        c.connect(l.getsockname())
        queued.append(c)
    return l, queued


def unix_path():
    return os.path.join(tempfile.mkdtemp(prefix="sockit-oracle"), "s")


def first_error(call, tries=100):
    for _ in range(tries):
        try:
            call()
        except OSError as e:
            return errname(e.errno)
    return "OK"


def scenarios():
    cases = {}
    for name, family in FAMILIES.items():
        cases["connect_refused_" + name] = lambda f=family: outcome(lambda: S.socket(f).connect(closed_port(f)))
        cases["bind_not_local_" + name] = lambda f=family: outcome(lambda: S.socket(f).bind((NOT_LOCAL[f], 0)))

    def bind_in_use_listening():
        l = listener()
        return outcome(lambda: S.socket().bind(l.getsockname()))

    def bind_in_use_bound():
        b = S.socket()
        b.bind(loopback(S.AF_INET))
        return outcome(lambda: S.socket().bind(b.getsockname()))

    def bind_twice():
        s = S.socket()
        s.bind(loopback(S.AF_INET))
        return outcome(lambda: s.bind(loopback(S.AF_INET)))

    def bind_connected():
        c, _ = pair()
        return outcome(lambda: c.bind(loopback(S.AF_INET)))

    def recv_nonblocking_tcp():
        c, _ = pair()
        c.setblocking(False)
        return outcome(lambda: c.recv(10))

    def recv_nonblocking_udp():
        u = S.socket(S.AF_INET, S.SOCK_DGRAM)
        u.bind(loopback(S.AF_INET))
        u.setblocking(False)
        return outcome(lambda: u.recv(10))

    def recv_unbound_udp_then_bind():
        u = S.socket(S.AF_INET, S.SOCK_DGRAM)
        u.setblocking(False)
        return outcomes(lambda: u.recv(10), lambda: u.bind(loopback(S.AF_INET)))

    def connect_nonblocking_pending():
        l, _ = full_listener()
        c = S.socket()
        c.setblocking(False)
        return ",".join(errname(c.connect_ex(l.getsockname())) for _ in range(3))

    def connect_nonblocking_completes():
        l = listener()
        c = S.socket()
        c.setblocking(False)
        first = errname(c.connect_ex(l.getsockname()))
        select.select([], [c], [], PATIENCE)
        return ",".join([first, outcome(lambda: c.connect(l.getsockname())), errname(c.connect_ex(l.getsockname()))])

    def connect_nonblocking_refused_so_error():
        c = S.socket()
        c.setblocking(False)
        first = errname(c.connect_ex(closed_port()))
        select.select([], [c], [], PATIENCE)
        errors = [c.getsockopt(S.SOL_SOCKET, S.SO_ERROR) for _ in range(2)]
        return ",".join([first] + [errname(e) if e else "0" for e in errors])

    def io_while_connecting():
        l, _ = full_listener()
        c = S.socket()
        c.setblocking(False)
        c.connect_ex(l.getsockname())
        nonblocking = outcomes(lambda: c.recv(1), lambda: c.send(b"x"), c.getpeername)
        c.settimeout(SHORT)
        return nonblocking + "," + outcomes(lambda: c.recv(1), lambda: c.send(b"x"))

    def connect_ex_after_async_refusal():
        c = S.socket()
        c.setblocking(False)
        first = errname(c.connect_ex(closed_port()))
        select.select([], [c], [], PATIENCE)
        port = closed_port()
        return ",".join([first, errname(c.connect_ex(port)), errname(c.connect_ex(port))])

    def connect_after_refused():
        c = S.socket()
        refused = outcome(lambda: c.connect(closed_port()))
        l = listener()
        return refused + "," + outcome(lambda: c.connect(l.getsockname()))

    def accept_not_listening():
        s = S.socket()
        s.bind(loopback(S.AF_INET))
        return outcome(s.accept)

    def listen_connected():
        c, _ = pair()
        return outcome(c.listen)

    def listen_twice():
        l = listener()
        return outcome(lambda: l.listen(5))

    def connect_listening():
        l = listener()
        other = listener()
        return outcome(lambda: l.connect(other.getsockname()))

    def send_after_peer_close():
        c, a = pair()
        a.close()
        return first_error(lambda: c.send(b"x" * 10))

    def recv_after_reset():
        c = reset_pair()
        return outcomes(lambda: c.recv(10), lambda: c.recv(10), lambda: c.recv(10), lambda: c.send(b"x"))

    def send_after_reset():
        c = reset_pair()
        return outcomes(lambda: c.send(b"x"), lambda: c.send(b"x"), lambda: c.recv(10))

    def so_error(s):
        number = s.getsockopt(S.SOL_SOCKET, S.SO_ERROR)
        return errname(number) if number else "0"

    def so_error_after_reset():
        c = reset_pair()
        return ",".join([so_error(c), so_error(c), outcome(lambda: c.recv(10)), outcome(lambda: c.send(b"x"))])

    def so_error_after_reset_with_unread_data():
        c, a = pair()
        a.sendall(b"unread")
        select.select([c], [], [], PATIENCE)
        a.setsockopt(S.SOL_SOCKET, S.SO_LINGER, struct.pack("ii", 1, 0))
        a.close()
        return ",".join([so_error(c), so_error(c), outcome(lambda: c.recv(10)), outcome(lambda: c.recv(10))])

    def so_error_udp_refused():
        u = S.socket(S.AF_INET, S.SOCK_DGRAM)
        u.connect(closed_port())
        u.send(b"x")
        select.select([u], [], [], PATIENCE)
        return ",".join([so_error(u), so_error(u)])

    def recv_after_close_with_unread_data():
        c, a = pair()
        c.sendall(b"unread")
        select.select([a], [], [], PATIENCE)
        a.close()
        select.select([c], [], [], PATIENCE)
        return outcomes(lambda: c.recv(10), lambda: c.recv(10))

    def closed_socket_calls():
        s = S.socket()
        s.close()
        return outcomes(lambda: s.recv(1), lambda: s.send(b"x"), lambda: s.bind(loopback(S.AF_INET)),
                        s.getsockname, lambda: s.connect(("127.0.0.1", 9)), s.listen, s.accept,
                        lambda: s.shutdown(S.SHUT_RDWR), lambda: s.getsockopt(S.SOL_SOCKET, S.SO_TYPE),
                        lambda: s.setsockopt(S.SOL_SOCKET, S.SO_REUSEADDR, 1), s.getpeername, s.fileno)

    def sendto_connected_tcp():
        c, _ = pair()
        return outcome(lambda: c.sendto(b"x", ("127.0.0.1", 9)))

    def connect_connected():
        c, a = pair()
        return outcome(lambda: c.connect(a.getsockname())) + "," + errname(c.connect_ex(a.getsockname()))

    def udp_size(family, size):
        u = S.socket(family, S.SOCK_DGRAM)
        r = S.socket(family, S.SOCK_DGRAM)
        r.bind(loopback(family))
        return outcome(lambda: u.sendto(b"x" * size, r.getsockname()))

    def shutdown_listening(how):
        l = listener()
        l.shutdown(how)
        l.setblocking(False)
        return outcome(l.accept)

    def shutdown_udp_connected():
        u = S.socket(S.AF_INET, S.SOCK_DGRAM)
        u.connect(closed_port())
        u.shutdown(S.SHUT_RDWR)
        u.setblocking(False)
        return outcomes(lambda: u.recv(1), lambda: u.send(b"x"))

    def shutdown_wr_then_send():
        c, _ = pair()
        c.shutdown(S.SHUT_WR)
        return outcome(lambda: c.send(b"x"))

    def udp_connected_refused():
        u = S.socket(S.AF_INET, S.SOCK_DGRAM)
        u.connect(closed_port())
        u.send(b"x")
        u.settimeout(SHORT)
        select.select([u], [], [], PATIENCE)
        return outcomes(lambda: u.recv(10), lambda: u.recv(10))

    def udp_connect_filters():
        a, b, c = (S.socket(S.AF_INET, S.SOCK_DGRAM) for _ in range(3))
        for s in (a, b, c):
            s.bind(loopback(S.AF_INET))
        a.settimeout(PATIENCE)
        a.connect(b.getsockname())
        c.sendto(b"from-c", a.getsockname())
        b.sendto(b"from-b", a.getsockname())
        first = a.recv(100).decode()
        a.connect(c.getsockname())
        c.sendto(b"from-c-again", a.getsockname())
        return first + "," + a.recv(100).decode()

    def udp_truncated():
        u = S.socket(S.AF_INET, S.SOCK_DGRAM)
        u.bind(loopback(S.AF_INET))
        u.sendto(b"abcdef", u.getsockname())
        u.sendto(b"ghijkl", u.getsockname())
        data, _, flags, _ = u.recvmsg(3)
        n = u.recv_into(bytearray(3), 3, S.MSG_TRUNC)
        return "%s,%s,%d" % (data.decode(), "TRUNC" if flags & S.MSG_TRUNC else "WHOLE", n)

    def unix_names():
        path = unix_path()
        l = S.socket(S.AF_UNIX)
        l.bind(path)
        l.listen()
        c = S.socket(S.AF_UNIX)
        c.connect(path)
        a, address = l.accept()

        def name(value):
            return "UNNAMED" if value == "" else ("PATH" if value == path else value)
        return ",".join(name(v) for v in (address, c.getpeername(), c.getsockname(), a.getsockname(), a.getpeername()))

    def unix_connect_not_listening():
        path = unix_path()
        S.socket(S.AF_UNIX).bind(path)
        return outcome(lambda: S.socket(S.AF_UNIX).connect(path))

    def unix_bind_in_use():
        path = unix_path()
        S.socket(S.AF_UNIX).bind(path)
        return outcome(lambda: S.socket(S.AF_UNIX).bind(path))

    def unix_sendto_connected():
        a, _ = S.socketpair()
        return outcome(lambda: a.sendto(b"x", "/nonexistent/sockit"))

    def socketpair_names():
        a, b = S.socketpair()
        return ",".join("UNNAMED" if v == "" else v for v in (a.getsockname(), b.getsockname(), a.getpeername()))

    def recv_timeout():
        c, _ = pair()
        c.settimeout(SHORT)
        return outcome(lambda: c.recv(1))

    def accept_timeout():
        l = listener()
        l.settimeout(SHORT)
        return outcome(l.accept)

    def connect_timeout():
        l, _ = full_listener()
        c = S.socket()
        c.settimeout(SHORT)
        return outcome(lambda: c.connect(l.getsockname()))

    def so_rcvtimeo_blocking():
        c, _ = pair()
        c.setsockopt(S.SOL_SOCKET, S.SO_RCVTIMEO, struct.pack("ll", 0, int(SHORT * 1e6)))
        return outcome(lambda: c.recv(1))

    def so_sndtimeo_connect():
        l, _ = full_listener()
        c = S.socket()
        c.setsockopt(S.SOL_SOCKET, S.SO_SNDTIMEO, struct.pack("ll", 0, int(SHORT * 1e6)))
        return outcome(lambda: c.connect(l.getsockname()))

    def multicast_membership():
        u = S.socket(S.AF_INET, S.SOCK_DGRAM)

        def mreq(group, iface):
            return struct.pack("4s4s", S.inet_aton(group), S.inet_aton(iface))
        add, drop = S.IP_ADD_MEMBERSHIP, S.IP_DROP_MEMBERSHIP
        group = mreq("239.1.2.3", "127.0.0.1")
        return outcomes(lambda: u.setsockopt(S.IPPROTO_IP, add, group),
                        lambda: u.setsockopt(S.IPPROTO_IP, add, group),
                        lambda: u.setsockopt(S.IPPROTO_IP, drop, group),
                        lambda: u.setsockopt(S.IPPROTO_IP, drop, group),
                        lambda: S.socket().setsockopt(S.IPPROTO_IP, add, group),
                        lambda: u.setsockopt(S.IPPROTO_IP, add, mreq("10.1.2.3", "127.0.0.1")),
                        lambda: u.setsockopt(S.IPPROTO_IP, add, mreq("239.1.2.3", NOT_LOCAL[S.AF_INET])))

    def v6only_after_bind():
        s = S.socket(S.AF_INET6)
        s.bind(loopback(S.AF_INET6))
        return outcome(lambda: s.setsockopt(S.IPPROTO_IPV6, S.IPV6_V6ONLY, 1))

    def getsockname_unbound(family):
        host, port = S.socket(family).getsockname()[:2]
        return "ANY:0" if host in ("0.0.0.0", "::") and port == 0 else "%s:%d" % (host, port)

    def dualstack_peer():
        l = S.create_server(("::", 0), family=S.AF_INET6, dualstack_ipv6=True)
        c = S.create_connection(("127.0.0.1", l.getsockname()[1]))
        _, address = l.accept()
        return "MAPPED" if address[0] == "::ffff:127.0.0.1" and address[1] == c.getsockname()[1] else address[0]

    def recv_zero():
        c, _ = pair()
        return outcome(lambda: c.recv(0))

    cases.update({
        "bind_in_use_listening": bind_in_use_listening,
        "bind_in_use_bound": bind_in_use_bound,
        "bind_twice": bind_twice,
        "bind_connected": bind_connected,
        "recv_nonblocking_tcp": recv_nonblocking_tcp,
        "recv_nonblocking_udp": recv_nonblocking_udp,
        "recv_unbound_udp_then_bind": recv_unbound_udp_then_bind,
        "connect_nonblocking_pending": connect_nonblocking_pending,
        "connect_nonblocking_completes": connect_nonblocking_completes,
        "connect_nonblocking_refused_so_error": connect_nonblocking_refused_so_error,
        "io_while_connecting": io_while_connecting,
        "connect_ex_after_async_refusal": connect_ex_after_async_refusal,
        "connect_after_refused": connect_after_refused,
        "accept_not_listening": accept_not_listening,
        "accept_unbound": lambda: outcome(S.socket().accept),
        "accept_udp": lambda: outcome(S.socket(S.AF_INET, S.SOCK_DGRAM).accept),
        "listen_udp": lambda: outcome(S.socket(S.AF_INET, S.SOCK_DGRAM).listen),
        "listen_connected": listen_connected,
        "listen_twice": listen_twice,
        "connect_listening": connect_listening,
        "send_after_peer_close": send_after_peer_close,
        "recv_after_reset": recv_after_reset,
        "send_after_reset": send_after_reset,
        "so_error_after_reset": so_error_after_reset,
        "so_error_after_reset_with_unread_data": so_error_after_reset_with_unread_data,
        "so_error_udp_refused": so_error_udp_refused,
        "recv_after_close_with_unread_data": recv_after_close_with_unread_data,
        "closed_socket_calls": closed_socket_calls,
        "recv_unconnected": lambda: outcome(lambda: S.socket().recv(1)),
        "send_unconnected": lambda: outcome(lambda: S.socket().send(b"x")),
        "sendall_unconnected": lambda: outcome(lambda: S.socket().sendall(b"x")),
        "sendto_unconnected_tcp": lambda: outcome(lambda: S.socket().sendto(b"x", ("127.0.0.1", 9))),
        "sendto_connected_tcp": sendto_connected_tcp,
        "recv_listening": lambda: outcome(lambda: listener().recv(1)),
        "send_listening": lambda: outcome(lambda: listener().send(b"x")),
        "getpeername_listening": lambda: outcome(listener().getpeername),
        "connect_connected": connect_connected,
        "udp_size_inet_max": lambda: udp_size(S.AF_INET, 65507),
        "udp_size_inet_over": lambda: udp_size(S.AF_INET, 65508),
        "udp_size_inet6_max": lambda: udp_size(S.AF_INET6, 65527),
        "udp_size_inet6_over": lambda: udp_size(S.AF_INET6, 65528),
        "shutdown_unconnected": lambda: outcome(lambda: S.socket().shutdown(S.SHUT_RDWR)),
        "shutdown_bad_how": lambda: outcome(lambda: pair()[0].shutdown(7)),
        "shutdown_listening_rd": lambda: shutdown_listening(S.SHUT_RD),
        "shutdown_listening_wr": lambda: shutdown_listening(S.SHUT_WR),
        "shutdown_udp_unconnected": lambda: outcome(lambda: S.socket(S.AF_INET, S.SOCK_DGRAM).shutdown(S.SHUT_WR)),
        "shutdown_udp_connected": shutdown_udp_connected,
        "shutdown_wr_then_send": shutdown_wr_then_send,
        "getpeername_unconnected": lambda: outcome(S.socket().getpeername),
        "getpeername_udp": lambda: outcome(S.socket(S.AF_INET, S.SOCK_DGRAM).getpeername),
        "socket_raw": lambda: outcome(lambda: S.socket(S.AF_INET, S.SOCK_RAW)),
        "socket_seqpacket": lambda: outcome(lambda: S.socket(S.AF_INET, S.SOCK_SEQPACKET)),
        "socket_stream_udp": lambda: outcome(lambda: S.socket(S.AF_INET, S.SOCK_STREAM, 17)),
        "socket_dgram_tcp": lambda: outcome(lambda: S.socket(S.AF_INET, S.SOCK_DGRAM, 6)),
        "socket_unix_tcp": lambda: outcome(lambda: S.socket(S.AF_UNIX, S.SOCK_STREAM, 6)),
        "socket_unspec": lambda: outcome(lambda: S.socket(S.AF_UNSPEC, S.SOCK_STREAM)),
        "socket_sctp": lambda: outcome(lambda: S.socket(S.AF_INET, S.SOCK_STREAM, 132)),
        "udp_connected_refused": udp_connected_refused,
        "udp_send_unconnected": lambda: outcome(lambda: S.socket(S.AF_INET, S.SOCK_DGRAM).send(b"x")),
        "udp_connect_filters": udp_connect_filters,
        "udp_truncated": udp_truncated,
        "unix_connect_missing": lambda: outcome(lambda: S.socket(S.AF_UNIX).connect("/nonexistent/sockit")),
        "unix_connect_not_listening": unix_connect_not_listening,
        "unix_bind_in_use": unix_bind_in_use,
        "unix_listen_unbound": lambda: outcome(S.socket(S.AF_UNIX).listen),
        "unix_sendto_connected": unix_sendto_connected,
        "unix_sendto_unconnected": lambda: outcome(lambda: S.socket(S.AF_UNIX).sendto(b"x", "/nonexistent/sockit")),
        "unix_names": unix_names,
        "socketpair_names": socketpair_names,
        "recv_timeout": recv_timeout,
        "accept_timeout": accept_timeout,
        "connect_timeout": connect_timeout,
        "so_rcvtimeo_blocking": so_rcvtimeo_blocking,
        "so_sndtimeo_connect": so_sndtimeo_connect,
        "multicast_membership": multicast_membership,
        "v6only_after_bind": v6only_after_bind,
        "getsockname_unbound_inet": lambda: getsockname_unbound(S.AF_INET),
        "getsockname_unbound_inet6": lambda: getsockname_unbound(S.AF_INET6),
        "getsockname_unbound_unix": lambda: "UNNAMED" if S.socket(S.AF_UNIX).getsockname() == "" else "NAMED",
        "dualstack_peer": dualstack_peer,
        "recv_zero": recv_zero,
    })
    return cases


OPTIONS = [
    ("SO_REUSEADDR", 1, 2, 1), ("SO_REUSEPORT", 1, 15, 1), ("SO_KEEPALIVE", 1, 9, 1), ("SO_RCVBUF", 1, 8, 4096),
    ("SO_SNDBUF", 1, 7, 4096), ("SO_BROADCAST", 1, 6, 1), ("SO_ERROR", 1, 4, 1), ("SO_TYPE", 1, 3, 1),
    ("SOL_SOCKET_999", 1, 999, 1), ("TCP_NODELAY", 6, 1, 1), ("TCP_KEEPIDLE", 6, 4, 7), ("TCP_KEEPINTVL", 6, 5, 3),
    ("TCP_KEEPCNT", 6, 6, 4), ("IPPROTO_TCP_999", 6, 999, 1), ("IP_TOS", 0, 1, 16), ("IP_MULTICAST_TTL", 0, 33, 3),
    ("IP_MULTICAST_LOOP", 0, 34, 0), ("IP_ADD_MEMBERSHIP", 0, 35, 1), ("IP_DROP_MEMBERSHIP", 0, 36, 1),
    ("IPPROTO_IP_999", 0, 999, 1), ("IPV6_V6ONLY", 41, 26, 1), ("IPPROTO_IPV6_999", 41, 999, 1),
    ("LEVEL_999", 999, 1, 1),
]


def option_socket(kind):
    if kind == "listening":
        return listener()
    return {
        "tcp": lambda: S.socket(),
        "tcp6": lambda: S.socket(S.AF_INET6),
        "udp": lambda: S.socket(S.AF_INET, S.SOCK_DGRAM),
        "udp6": lambda: S.socket(S.AF_INET6, S.SOCK_DGRAM),
        "unix": lambda: S.socket(S.AF_UNIX),
    }[kind]()


def option_cases():
    cases = {}
    for kind in ("tcp", "tcp6", "listening", "udp", "udp6", "unix"):
        for name, level, optname, value in OPTIONS:
            def case(kind=kind, level=level, optname=optname, value=value):
                s = option_socket(kind)
                return outcome(lambda: s.setsockopt(level, optname, value)) + "," + outcome(lambda: s.getsockopt(level, optname))
            cases["option_%s_%s" % (kind, name)] = case
    return cases


if __name__ == "__main__":
    for name, case in {**scenarios(), **option_cases()}.items():
        print(name, case())
