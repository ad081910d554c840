/*
 * lecture_udp_server: the lecture's UDP echo server. It answers every datagram with "ACK: "
 * followed by the datagram's bytes. The Java version must behave byte for byte alike.
 *
 *   usage: lecture_udp_server PORT [COUNT]
 *
 * PORT is a decimal number 1-65535, COUNT a decimal number 1-2147483647 (default: serve
 * forever). A wrong number of arguments or a bad PORT or COUNT: stderr "usage %s port [count]\n"
 * with argv[0], exit 1.
 *
 * Then:  socket(AF_INET, SOCK_DGRAM, 0); fails: perror("ERROR opening socket"), exit 1.
 *        bind to INADDR_ANY:PORT; fails: perror("ERROR on binding"), exit 1.
 *        For each datagram: recvfrom() up to 1024 bytes (a longer datagram is cut to 1024);
 *        fails: perror("ERROR in recvfrom"), exit 1.
 *        stdout "Received N bytes from A.B.C.D:P: " then the N bytes as they are, then "\n",
 *        with N in decimal and the sender's address and port as recvfrom() gave them; fflush.
 *        sendto() the sender the 5 + N bytes "ACK: " and the data; fails: perror("ERROR in sendto"), exit 1.
 *        After COUNT datagrams, exit 0.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
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
    long port = argc == 2 || argc == 3 ? decimal(argv[1], 1, 65535) : -1;
    long count = argc == 3 ? decimal(argv[2], 1, INT_MAX) : 0;
    if (port < 0 || count < 0) {
        fprintf(stderr, "usage %s port [count]\n", argv[0]);
        exit(1);
    }

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0)
        fail("ERROR opening socket");

    struct sockaddr_in local;
    memset(&local, 0, sizeof local);
    local.sin_family = AF_INET;
    local.sin_addr.s_addr = htonl(INADDR_ANY);
    local.sin_port = htons(port);
    if (bind(fd, (struct sockaddr *) &local, sizeof local) < 0)
        fail("ERROR on binding");

    char reply[5 + 1024];
    memcpy(reply, "ACK: ", 5);
    char *data = reply + 5;
    for (long served = 0; count == 0 || served < count; served++) {
        struct sockaddr_in peer;
        socklen_t peer_len = sizeof peer;
        ssize_t n = recvfrom(fd, data, 1024, 0, (struct sockaddr *) &peer, &peer_len);
        if (n < 0)
            fail("ERROR in recvfrom");

        char address[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &peer.sin_addr, address, sizeof address);
        printf("Received %zd bytes from %s:%u: ", n, address, (unsigned) ntohs(peer.sin_port));
        fwrite(data, 1, n, stdout);
        printf("\n");
        fflush(stdout);

        if (sendto(fd, reply, 5 + n, 0, (struct sockaddr *) &peer, peer_len) < 0)
            fail("ERROR in sendto");
    }
    close(fd);
    return 0;
}
