/*
 * lecture_tcp_client: the lecture's TCP client, after "client.c" of the Linux Howtos socket
 * tutorial. It sends one line from stdin and prints the reply. The Java version must behave
 * byte for byte alike. Like the tutorial's, it exits 0 even on errors.
 *
 *   usage: lecture_tcp_client HOST PORT
 *
 * PORT is read with atoi(); HOST with gethostbyname() (a name or a dotted IPv4 address).
 *
 * Fewer than 2 arguments: stderr "usage %s hostname port\n" with argv[0], exit 0.
 * Then:  socket(AF_INET, SOCK_STREAM, 0); fails: perror("ERROR opening socket"), exit 0.
 *        gethostbyname(HOST) gives NULL: stderr "ERROR, no such host\n", exit 0.
 *        connect() to its first address, port PORT; fails: perror("ERROR connecting"), exit 0,
 *        e.g. stderr "ERROR connecting: Connection refused\n" and nothing on stdout: the
 *        client connects before it prompts.
 *        stdout "Please enter the message: " (no newline).
 *        fgets() up to 254 bytes of one line from stdin into a zeroed 256-byte buffer, the
 *        newline kept; at end of input the buffer stays empty.
 *        write() strlen(buffer) bytes; fails: perror("ERROR writing to socket"), exit 0.
 *        zero the buffer, read() up to 255 bytes; fails: perror("ERROR reading from socket"), exit 0.
 *        stdout "%s\n" with the buffer as a C string; close, exit 0.
 * Against lecture_tcp_server with the line "hello", stdout is exactly
 * "Please enter the message: I got your message\n".
 */
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static void fail(const char *what)
{
    perror(what);
    exit(0);
}

int main(int argc, char *argv[])
{
    if (argc < 3) {
        fprintf(stderr, "usage %s hostname port\n", argv[0]);
        exit(0);
    }
    int port = atoi(argv[2]);

    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        fail("ERROR opening socket");

    struct hostent *host = gethostbyname(argv[1]);
    if (host == NULL) {
        fprintf(stderr, "ERROR, no such host\n");
        exit(0);
    }

    struct sockaddr_in server;
    bzero(&server, sizeof server);
    server.sin_family = AF_INET;
    bcopy(host->h_addr_list[0], &server.sin_addr.s_addr, host->h_length);
    server.sin_port = htons(port);
    if (connect(fd, (struct sockaddr *) &server, sizeof server) < 0)
        fail("ERROR connecting");

    printf("Please enter the message: ");
    char buffer[256];
    bzero(buffer, sizeof buffer);
    if (fgets(buffer, 255, stdin) == NULL)
        buffer[0] = '\0';
    if (write(fd, buffer, strlen(buffer)) < 0)
        fail("ERROR writing to socket");

    bzero(buffer, sizeof buffer);
    if (read(fd, buffer, 255) < 0)
        fail("ERROR reading from socket");
    printf("%s\n", buffer);

    close(fd);
    return 0;
}
