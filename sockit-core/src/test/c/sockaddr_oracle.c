/*
 * sockaddr_oracle: takes its arguments four at a time, "SOCKFAMILY SOCKTYPE CALL ADDRFAMILY"
 * (INET, INET6 or UNIX; STREAM or DGRAM; bind, connect or sendto), and prints each four back
 * on a line followed by what Linux answers when a fresh socket of that family and type makes
 * that call with an address of that family: "OK" or the errno macro name. Used by SocketAddressFamilyTest as C's answer,
 * which Python cannot give (it resolves address tuples itself and reports a gaierror).
 *
 * The addresses are loopback (127.0.0.1:9, [::1]:9; port 0 for bind) or a UNIX path that
 * does not exist, so nothing leaves the machine.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int family(const char *name) {
    return strcmp(name, "INET") == 0 ? AF_INET : strcmp(name, "INET6") == 0 ? AF_INET6 : AF_UNIX;
}

static const char *errno_name(int e) {
    switch (e) {
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case EINVAL: return "EINVAL";
    case ENOENT: return "ENOENT";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
    case EPIPE: return "EPIPE";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case EISCONN: return "EISCONN";
    case EDESTADDRREQ: return "EDESTADDRREQ";
    case ENOTCONN: return "ENOTCONN";
    case ENETUNREACH: return "ENETUNREACH";
    default: {
        static char number[16];
        snprintf(number, sizeof number, "%d", e);
        return number;
    }
    }
}

int main(int argc, char **argv) {
    for (int i = 1; i + 3 < argc; i += 4) {
        const char *sockfam = argv[i], *socktype = argv[i + 1], *call = argv[i + 2], *addrfam = argv[i + 3];
        struct sockaddr_in in4 = { .sin_family = AF_INET, .sin_port = htons(9) };
        struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(9) };
        struct sockaddr_un un = { .sun_family = AF_UNIX };
        inet_pton(AF_INET, "127.0.0.1", &in4.sin_addr);
        inet_pton(AF_INET6, "::1", &in6.sin6_addr);
        strcpy(un.sun_path, "/nonexistent/sockit-oracle");
        struct sockaddr *addr;
        socklen_t len;
        switch (family(addrfam)) {
        case AF_INET: addr = (struct sockaddr *) &in4; len = sizeof in4; break;
        case AF_INET6: addr = (struct sockaddr *) &in6; len = sizeof in6; break;
        default: addr = (struct sockaddr *) &un; len = sizeof un; break;
        }
        int fd = socket(family(sockfam), strcmp(socktype, "STREAM") == 0 ? SOCK_STREAM : SOCK_DGRAM, 0);
        if (fd < 0) {
            printf("%s %s %s %s socket:%s\n", sockfam, socktype, call, addrfam, errno_name(errno));
            continue;
        }
        int rc;
        if (strcmp(call, "bind") == 0) {
            if (family(addrfam) != AF_UNIX) {
                ((struct sockaddr_in *) addr)->sin_port = 0;
            }
            rc = bind(fd, addr, len);
        } else if (strcmp(call, "connect") == 0) {
            rc = connect(fd, addr, len);
        } else {
            rc = sendto(fd, "x", 1, MSG_DONTWAIT | MSG_NOSIGNAL, addr, len) < 0 ? -1 : 0;
        }
        printf("%s %s %s %s %s\n", sockfam, socktype, call, addrfam, rc == 0 ? "OK" : errno_name(errno));
        close(fd);
    }
    return 0;
}
