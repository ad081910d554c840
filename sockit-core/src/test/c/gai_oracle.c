/* Oracle for EaiError: reads one EAI_* number per line and prints
   "NUMBER<TAB>gai_strerror(NUMBER)" for it, as glibc words it. */
#define _GNU_SOURCE
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char line[64];
    while (fgets(line, sizeof line, stdin) != NULL) {
        int code = atoi(line);
        printf("%d\t%s\n", code, gai_strerror(code));
    }
    return 0;
}
