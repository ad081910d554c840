/*
 * lecture_udp_connect: the lecture's connected UDP client. ONE socket is connected to PORT1,
 * sends and reads, then is connected again to PORT2 and does the same. A connected UDP socket
 * is told of ICMP errors: a closed port shows as ECONNREFUSED on read(). The Java version
 * must behave byte for byte alike.
 *
 *   usage: lecture_udp_connect HOST PORT1 PORT2 MESSAGE
 *
 * HOST is read with gethostbyname() (a name or a dotted IPv4 address), PORT1 and PORT2 are
 * decimal numbers 1-65535. A wrong number of arguments or a bad port: stderr
 * "usage %s hostname port1 port2 message\n" with argv[0], exit 1.
 *
 * Then:  socket(AF_INET, SOCK_DGRAM, 0); fails: perror("ERROR opening socket"), exit 1.
 *        gethostbyname(HOST) gives NULL: stderr "ERROR, no such host\n", exit 1.
 *        SO_RCVTIMEO of 3 s; fails: perror("ERROR setting SO_RCVTIMEO"), exit 1.
 *        For PORT1, then PORT2:
 *          connect() to HOST's first address and the port; fails: perror("ERROR connecting"), exit 1.
 *          write() the strlen(MESSAGE) bytes of MESSAGE; fails: perror("ERROR writing to socket"), exit 1.
 *          read() up to 1024 bytes. No reply within 3 s (EAGAIN): stderr
 *          "ERROR, no reply within 3 s\n", exit 1. Another error: perror("ERROR reading from socket"),
 *          exit 1, e.g. stderr "ERROR reading from socket: Connection refused\n" for a closed port.
 *          stdout "Reply from A.B.C.D:PORT: " then the reply's bytes as they are, then "\n", with
 *          the address and port connected to; fflush.
 *        exit 0.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static void fail(const char *what)
{
    perror(what);
    exit(1);
}

static long decimal(const char *text, long min, long max)
{
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (text[0] < '0' || text[0] > '9' || *end != '\0' || errno != 0 || value < min || value > max)
        return -1;
    return value;
}

static void exchange(int fd, struct sockaddr_in server, long port, const char *message)
{
    server.sin_port = htons(port);
    if (connect(fd, (struct sockaddr *) &server, sizeof server) < 0)
        fail("ERROR connecting");
    if (write(fd, message, strlen(message)) < 0)
        fail("ERROR writing to socket");

    char reply[1024];
    ssize_t n = read(fd, reply, sizeof reply);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        fprintf(stderr, "ERROR, no reply within 3 s\n");
        exit(1);
    }
    if (n < 0)
        fail("ERROR reading from socket");

    char address[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &server.sin_addr, address, sizeof address);
    printf("Reply from %s:%ld: ", address, port);
    fwrite(reply, 1, n, stdout);
    printf("\n");
    fflush(stdout);
}

int main(int argc, char *argv[])
{
    long port1 = argc == 5 ? decimal(argv[2], 1, 65535) : -1;
    long port2 = argc == 5 ? decimal(argv[3], 1, 65535) : -1;
    if (port1 < 0 || port2 < 0) {
        fprintf(stderr, "usage %s hostname port1 port2 message\n", argv[0]);
        exit(1);
    }
    const char *message = argv[4];

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        fail("ERROR opening socket");

    struct hostent *host = gethostbyname(argv[1]);
    if (host == NULL) {
        fprintf(stderr, "ERROR, no such host\n");
        exit(1);
    }

    struct timeval timeout = { .tv_sec = 3, .tv_usec = 0 };
    if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) < 0)
        fail("ERROR setting SO_RCVTIMEO");

    struct sockaddr_in server;
    memset(&server, 0, sizeof server);
    server.sin_family = AF_INET;
    memcpy(&server.sin_addr, host->h_addr_list[0], sizeof server.sin_addr);

    exchange(fd, server, port1, message);
    exchange(fd, server, port2, message);
    close(fd);
    return 0;
}
