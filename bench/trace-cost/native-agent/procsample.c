/*
 * An experiment, not the product's sampler: the launcher's /proc sampling (sandbox-launcher's ProcSampler) done in C,
 * to measure what the sampling itself costs without a JVM's JIT compilers. Every thread of process <pid>: its state,
 * last CPU and CPU time, at 500 Hz and at most 1/50 of the time (as ProcSampler), changes written to <file>.
 *
 *   procsample <pid> <file>
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAXT 65536
static char prevState[MAXT]; static int prevCpu[MAXT]; static long prevTime[MAXT];
static long nanos(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000000L + t.tv_nsec; }

int main(int argc, char **argv) {
  int pid = atoi(argv[1]);
  char path[128], buf[1024], dir[64];
  static char out[1 << 20]; int len = 0;
  int fd = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC, 0600);
  snprintf(dir, sizeof dir, "/proc/%d/task", pid);
  long next = nanos();
  for (;;) {
    long now = nanos();
    DIR *d = opendir(dir);
    if (!d) break;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      int tid = atoi(e->d_name);
      snprintf(path, sizeof path, "%s/%s/stat", dir, e->d_name);
      int f = open(path, O_RDONLY);
      if (f < 0) continue;
      int n = read(f, buf, sizeof buf - 1); close(f);
      if (n <= 0) continue;
      buf[n] = 0;
      char *p = strrchr(buf, ')'); if (!p) continue;
      char state = p[2];
      /* fields after ')': state(3) ... utime(14) stime(15) ... processor(39) */
      int field = 2; long utime = 0, stime = 0; int cpu = 0; char *s = p + 2;
      while (*s && field < 39) { if (*s == ' ') { field++; if (field == 14) utime = atol(s + 1); else if (field == 15) stime = atol(s + 1); else if (field == 39) cpu = atoi(s + 1); } s++; }
      int k = tid % MAXT;
      if (prevState[k] != state || prevCpu[k] != cpu || prevTime[k] != utime + stime) {
        prevState[k] = state; prevCpu[k] = cpu; prevTime[k] = utime + stime;
        if (len < (int) sizeof out - 128) len += snprintf(out + len, 128, "%ld %d %c %d %ld\n", now, tid, state, cpu, utime + stime);
      }
    }
    closedir(d);
    if (len) { if (write(fd, out, len) < 0) {} len = 0; }
    long cost = nanos() - now;
    long tick = 2000000; if (cost * 50 > tick) tick = cost * 50;
    next += tick;
    long wait = next - nanos();
    if (wait > 0) { struct timespec ts = { wait / 1000000000L, wait % 1000000000L }; nanosleep(&ts, NULL); } else next = nanos();
  }
  return 0;
}
