/*
 * glibc's inet_pton and inet_ntop as an oracle for InetText.
 *
 * One request per stdin line, one answer per stdout line, flushed at once so that a test may
 * keep the process open and ask one question at a time:
 *   pton4 HEX     -> "1 HEX4" or "0"      inet_pton(AF_INET, text), text given as hex bytes
 *   pton6 HEX     -> "1 HEX16" or "0"     inet_pton(AF_INET6, text)
 *   ntop6 HEX32   -> inet_ntop(AF_INET6) text
 *   ifindex HEX   -> if_nametoindex(name) (0 for no such interface)
 * The text is hex so that any byte (space, NUL, non-ASCII) reaches glibc as it is; as in C,
 * a NUL byte ends it.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nibble(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes hex into out (NUL-terminated); returns the byte count or -1. */
static long unhex(const char *hex, unsigned char *out) {
    size_t n = strlen(hex);
    if (n % 2 != 0) return -1;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return -1;
        out[i] = (unsigned char) (hi << 4 | lo);
    }
    out[n / 2] = '\0';
    return (long) (n / 2);
}

static void print_hex(const unsigned char *bytes, size_t n) {
    for (size_t i = 0; i < n; i++) printf("%02x", bytes[i]);
}

int main(void) {
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    setvbuf(stdout, NULL, _IOLBF, 0);
    while ((length = getline(&line, &capacity, stdin)) >= 0) {
        if (length > 0 && line[length - 1] == '\n') line[--length] = '\0';
        char *space = strchr(line, ' ');
        const char *arg = space ? space + 1 : "";
        if (space) *space = '\0';
        unsigned char *text = malloc(strlen(arg) / 2 + 1);
        long n = unhex(arg, text);
        if (n < 0) {
            printf("bad hex\n");
        } else if (strcmp(line, "pton4") == 0 || strcmp(line, "pton6") == 0) {
            int af = line[4] == '4' ? AF_INET : AF_INET6;
            unsigned char dst[16];
            int rc = inet_pton(af, (const char *) text, dst);
            if (rc == 1) {
                printf("1 ");
                print_hex(dst, af == AF_INET ? 4 : 16);
                printf("\n");
            } else {
                printf("%d\n", rc);
            }
        } else if (strcmp(line, "ntop6") == 0 && n == 16) {
            char out[INET6_ADDRSTRLEN];
            printf("%s\n", inet_ntop(AF_INET6, text, out, sizeof out) ? out : "error");
        } else if (strcmp(line, "ifindex") == 0) {
            printf("%u\n", if_nametoindex((const char *) text));
        } else {
            printf("bad request\n");
        }
        free(text);
    }
    free(line);
    return 0;
}
