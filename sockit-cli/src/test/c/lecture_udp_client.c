/*
 * lecture_udp_client: the lecture's UDP client. It sends one datagram to an unconnected
 * socket's destination and prints the first reply. The Java version must behave byte for
 * byte alike.
 *
 *   usage: lecture_udp_client HOST PORT MESSAGE
 *
 * HOST is read with gethostbyname() (a name or a dotted IPv4 address), PORT is a decimal
 * number 1-65535. A wrong number of arguments or a bad PORT: stderr
 * "usage %s hostname port message\n" with argv[0], exit 1.
 *
 * Then:  socket(AF_INET, SOCK_DGRAM, 0); fails: perror("ERROR opening socket"), exit 1.
 *        gethostbyname(HOST) gives NULL: stderr "ERROR, no such host\n", exit 1.
 *        SO_RCVTIMEO of 3 s; fails: perror("ERROR setting SO_RCVTIMEO"), exit 1.
 *        sendto() HOST's first address, port PORT, the strlen(MESSAGE) bytes of MESSAGE (no
 *        terminator); fails: perror("ERROR in sendto"), exit 1.
 *        recvfrom() up to 1024 bytes. No reply within 3 s (EAGAIN): stderr
 *        "ERROR, no reply within 3 s\n", exit 1. Another error: perror("ERROR in recvfrom"), exit 1.
 *        An unconnected socket is not told of ICMP errors, so a closed port ends in the timeout.
 *        stdout "Reply from A.B.C.D:P: " then the reply's bytes as they are, then "\n", with the
 *        address and port recvfrom() gave; exit 0.
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

int main(int argc, char *argv[])
{
    long port = argc == 4 ? decimal(argv[2], 1, 65535) : -1;
    if (port < 0) {
        fprintf(stderr, "usage %s hostname port message\n", argv[0]);
        exit(1);
    }
    const char *message = argv[3];

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
    server.sin_port = htons(port);
    if (sendto(fd, message, strlen(message), 0, (struct sockaddr *) &server, sizeof server) < 0)
        fail("ERROR in sendto");

    char reply[1024];
    struct sockaddr_in peer;
    socklen_t peer_len = sizeof peer;
    ssize_t n = recvfrom(fd, reply, sizeof reply, 0, (struct sockaddr *) &peer, &peer_len);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        fprintf(stderr, "ERROR, no reply within 3 s\n");
        exit(1);
    }
    if (n < 0)
        fail("ERROR in recvfrom");

    char address[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &peer.sin_addr, address, sizeof address);
    printf("Reply from %s:%u: ", address, (unsigned) ntohs(peer.sin_port));
    fwrite(reply, 1, n, stdout);
    printf("\n");
    close(fd);
    return 0;
}
