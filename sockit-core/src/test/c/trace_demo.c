/*
 * trace_demo.c: the twin in C of TraceDemo.java, for TraceProcessTest. It makes the same
 * socket calls in the same order, so that strace's lines for it and sockit's trace lines for
 * TraceDemo can be compared. select is called through syscall(SYS_select), as glibc's select()
 * enters the kernel as pselect6. Argument: the path of the UNIX-domain socket.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static void tcp(void) {
    char buf[255];
    int server = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    int one = 1;
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(0)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(server, (struct sockaddr *) &address, sizeof address);
    listen(server, 5);
    socklen_t length = sizeof address;
    getsockname(server, (struct sockaddr *) &address, &length);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *) &address, sizeof address);
    struct sockaddr_in peer;
    length = sizeof peer;
    int accepted = accept(server, (struct sockaddr *) &peer, &length);

    send(client, "hello\n", 6, 0);
    fd_set read, write, except;
    FD_ZERO(&read);
    FD_ZERO(&write);
    FD_ZERO(&except);
    FD_SET(server, &read);
    FD_SET(accepted, &read);
    struct timeval timeout = {1, 0};
    syscall(SYS_select, (server > accepted ? server : accepted) + 1, &read, &write, &except, &timeout);
    recv(accepted, buf, 255, 0);
    recv(accepted, buf, 255, MSG_DONTWAIT);
    send(accepted, "I got your message", 18, 0);
    struct pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    poll(fds, 2, -1);
    recv(client, buf, 255, MSG_PEEK);
    recv(client, buf, 255, 0);
    static const char message[] = "012\001\0021\r\n\t\"\\\377" "0123456789012345678901234567890";
    send(accepted, message, sizeof message - 1, 0);
    recv(client, buf, 3, MSG_WAITALL);
    recv(client, buf, 255, 0);
    shutdown(client, SHUT_WR);
    recv(accepted, buf, 255, 0);
    length = sizeof peer;
    getpeername(accepted, (struct sockaddr *) &peer, &length);
    int error;
    length = sizeof error;
    getsockopt(client, SOL_SOCKET, SO_ERROR, &error, &length);
    close(accepted);
    close(client);
    close(server);

    int refused = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    connect(refused, (struct sockaddr *) &address, sizeof address);
    close(refused);
}

static void udp(void) {
    char buf[1024];
    int receiver = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(0)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(receiver, (struct sockaddr *) &address, sizeof address);
    socklen_t length = sizeof address;
    getsockname(receiver, (struct sockaddr *) &address, &length);
    int sender = socket(AF_INET, SOCK_DGRAM, 0);
    sendto(sender, "hi", 2, 0, (struct sockaddr *) &address, sizeof address);
    struct sockaddr_in from;
    length = sizeof from;
    recvfrom(receiver, buf, 1024, 0, (struct sockaddr *) &from, &length);
    sendto(receiver, "ACK: hi", 7, 0, (struct sockaddr *) &from, length);
    recv(sender, buf, 1024, 0);
    fd_set read, write, except;
    FD_ZERO(&read);
    FD_ZERO(&write);
    FD_ZERO(&except);
    FD_SET(receiver, &read);
    struct timeval timeout = {0, 10000};
    syscall(SYS_select, receiver + 1, &read, &write, &except, &timeout);
    close(receiver);
    close(sender);
}

static void unix_domain(const char *path) {
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    strncpy(address.sun_path, path, sizeof address.sun_path - 1);
    bind(listener, (struct sockaddr *) &address, sizeof address);
    listen(listener, 1);
    int client = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *) &address, sizeof address);
    struct sockaddr_un peer;
    socklen_t length = sizeof peer;
    int accepted = accept(listener, (struct sockaddr *) &peer, &length);
    length = sizeof peer;
    getpeername(client, (struct sockaddr *) &peer, &length);
    close(accepted);
    close(client);
    close(listener);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        return 2;
    }
    tcp();
    udp();
    unix_domain(argv[1]);
    return 0;
}
