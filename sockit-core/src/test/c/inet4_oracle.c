/*
 * glibc's answers for the legacy IPv4 functions of inet(3) and for byteorder(3), the oracle
 * that sockit's LegacyIpv4 and NetOrder tests compare with.
 *
 * Reads lines "FUNC ARG [ARG2]" on stdin and writes one line per input line on stdout.
 * Text functions (aton, addr, network) take their argument as hex-encoded bytes, so any
 * byte but NUL can be passed; an absent argument is the empty string. Numeric functions take
 * unsigned numbers in C syntax (0x... for hex).
 *
 *   aton HEX           -> "1 0x%08x" (the host-order address) or "0"
 *   addr HEX           -> "0x%08x" (the in_addr_t, network order as a native integer)
 *   network HEX        -> "0x%08x"
 *   ntoa U32           -> the text inet_ntoa writes for host-order U32
 *   makeaddr NET HOST  -> "0x%08x" (the host-order address)
 *   lnaof U32 / netof U32 -> "0x%08x"
 *   htons/ntohs U16, htonl/ntohl U32 -> "0x%x"
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Decodes hex text in place into a NUL-terminated byte string; returns 0 on bad input. */
static int unhex(char *text) {
    size_t n = strlen(text);
    if (n % 2 != 0) return 0;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hexval(text[2 * i]), lo = hexval(text[2 * i + 1]);
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return 0;
        text[i] = (char) (hi << 4 | lo);
    }
    text[n / 2] = '\0';
    return 1;
}

static unsigned long number(const char *text) {
    return strtoul(text, NULL, 0);
}

int main(void) {
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    while ((length = getline(&line, &capacity, stdin)) != -1) {
        if (length > 0 && line[length - 1] == '\n') line[--length] = '\0';
        char *func = line;
        char *arg = "";
        char *arg2 = "";
        char *space = strchr(line, ' ');
        if (space != NULL) {
            *space = '\0';
            arg = space + 1;
            space = strchr(arg, ' ');
            if (space != NULL) {
                *space = '\0';
                arg2 = space + 1;
            }
        }
        if (strcmp(func, "aton") == 0 || strcmp(func, "addr") == 0 || strcmp(func, "network") == 0) {
            if (!unhex(arg)) {
                printf("bad hex\n");
            } else if (func[1] == 't') {
                struct in_addr in;
                if (inet_aton(arg, &in)) printf("1 0x%08x\n", ntohl(in.s_addr));
                else printf("0\n");
            } else if (func[0] == 'a') {
                printf("0x%08x\n", inet_addr(arg));
            } else {
                printf("0x%08x\n", inet_network(arg));
            }
        } else if (strcmp(func, "ntoa") == 0) {
            struct in_addr in = { htonl((uint32_t) number(arg)) };
            printf("%s\n", inet_ntoa(in));
        } else if (strcmp(func, "makeaddr") == 0) {
            struct in_addr in = inet_makeaddr((in_addr_t) number(arg), (in_addr_t) number(arg2));
            printf("0x%08x\n", ntohl(in.s_addr));
        } else if (strcmp(func, "lnaof") == 0 || strcmp(func, "netof") == 0) {
            struct in_addr in = { htonl((uint32_t) number(arg)) };
            printf("0x%08x\n", func[0] == 'l' ? inet_lnaof(in) : inet_netof(in));
        } else if (strcmp(func, "htons") == 0) {
            printf("0x%x\n", htons((uint16_t) number(arg)));
        } else if (strcmp(func, "ntohs") == 0) {
            printf("0x%x\n", ntohs((uint16_t) number(arg)));
        } else if (strcmp(func, "htonl") == 0) {
            printf("0x%x\n", htonl((uint32_t) number(arg)));
        } else if (strcmp(func, "ntohl") == 0) {
            printf("0x%x\n", ntohl((uint32_t) number(arg)));
        } else {
            printf("unknown function\n");
        }
    }
    free(line);
    return 0;
}
