/*
 * A stand-in for a tracer's CPU use, beside the queue program: wakes every 2 ms and stays busy for <busy µs>, either
 * computing in registers ("spin") or writing through a 64 MB buffer ("pollute", which evicts the program's cache
 * lines). Usage: polluter spin|pollute <busy µs>. Runs until killed.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        return 2;
    }
    int pollute = strcmp(argv[1], "pollute") == 0;
    long busy = atol(argv[2]) * 1000L, size = 64L << 20, at = 0;
    char *buffer = malloc((size_t) size);
    memset(buffer, 1, (size_t) size);
    volatile unsigned long x = 1;
    for (;;) {
        struct timespec pause = {0, 2000000};
        nanosleep(&pause, NULL);
        for (long end = nanos() + busy; nanos() < end;) {
            if (pollute) {
                memset(buffer + at, (int) at, 4096);
                at = (at + 4096) % size;
            } else {
                for (int i = 0; i < 200; i++) {
                    x = x * 6364136223846793005UL + 1;
                }
            }
        }
    }
}
