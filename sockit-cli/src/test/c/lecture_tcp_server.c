/*
 * lecture_tcp_server: the lecture's TCP server, after "server.c" of the Linux Howtos socket
 * tutorial. It serves one client, once. The Java version must behave byte for byte alike.
 *
 *   usage: lecture_tcp_server PORT
 *
 * PORT is read with atoi(), as in the tutorial: text that is no number gives port 0.
 *
 * No PORT:        stderr "ERROR, no port provided\n", exit 1.
 * Then:           socket(AF_INET, SOCK_STREAM, 0); fails: perror("ERROR opening socket"), exit 1.
 *                 bind to INADDR_ANY:PORT (no SO_REUSEADDR); fails: perror("ERROR on binding"), exit 1,
 *                 e.g. stderr "ERROR on binding: Address already in use\n".
 *                 listen(fd, 5); accept() one client; fails: perror("ERROR on accept"), exit 1.
 *                 read() up to 255 bytes into a zeroed 256-byte buffer;
 *                 fails: perror("ERROR reading from socket"), exit 1.
 *                 stdout "Here is the message: %s\n" with the buffer read as a C string
 *                 (so up to its first NUL byte; a client's fgets() keeps its newline, so a line
 *                 "hello" prints "Here is the message: hello\n\n").
 *                 write() the 18 bytes "I got your message"; fails: perror("ERROR writing to socket"), exit 1.
 *                 close both sockets, exit 0.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static void fail(const char *what)
{
    perror(what);
    exit(1);
}

int main(int argc, char *argv[])
{
    if (argc < 2) {
        fprintf(stderr, "ERROR, no port provided\n");
        exit(1);
    }

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0)
        fail("ERROR opening socket");

    struct sockaddr_in local;
    bzero(&local, sizeof local);
    local.sin_family = AF_INET;
    local.sin_addr.s_addr = INADDR_ANY;
    local.sin_port = htons(atoi(argv[1]));
    if (bind(listener, (struct sockaddr *) &local, sizeof local) < 0)
        fail("ERROR on binding");
    listen(listener, 5);

    struct sockaddr_in peer;
    socklen_t peer_len = sizeof peer;
    int connection = accept(listener, (struct sockaddr *) &peer, &peer_len);
    if (connection < 0)
        fail("ERROR on accept");

    char message[256];
    bzero(message, sizeof message);
    if (read(connection, message, 255) < 0)
        fail("ERROR reading from socket");
    printf("Here is the message: %s\n", message);

    if (write(connection, "I got your message", 18) < 0)
        fail("ERROR writing to socket");

    close(connection);
    close(listener);
    return 0;
}
