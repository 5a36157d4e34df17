/*
 * The launcher's /proc sampler: the kernel's view of every thread of the program and of all its descendants (state,
 * CPU, CPU time), written as lines to standard output for the launcher's NativeSampler, which feeds its TraceRecorder.
 *
 *   threadlab-sampler <samples a second> <name of the tracer's thread>, then "<program pid>\n" on standard input
 *
 * Native because the same sampler in the launcher's JVM cost that JVM's JIT compiler about 45 ms of CPU per traced
 * run of a 200-thread program, on the CPUs the program runs on (docs/benchmarks/trace.md).
 *
 * Runs as the launcher's uid. What it reads of the learner's threads (their names) is the learner's to choose, so names
 * go out hex-encoded and nothing it reads can end or make a line. Lines out (fields tab-separated, times in
 * CLOCK_MONOTONIC nanoseconds, which is System.nanoTime's clock):
 *   P <now> <pid> <ppid>                a process of the program appeared (the launcher reads its command line)
 *   T <now> <pid> <tid> <hex name>      a thread appeared, or renamed itself
 *   S <at> <tid> <state> <cpu> <cpu ms> a thread's state or CPU time changed, or (running or waiting for one, 'r')
 *                                       its CPU
 *   E <now> <tid> <cpu ms>              a thread ended
 *   X <now> <pid>                       a process ended
 *   F <now>                             time to send what was recorded (every FLUSH_NANOS)
 *   D <now>                             the last sample after "stop": nothing follows
 * Lines in (standard input), after the program's pid: "x <tid>" never sample that thread (the tracer's), "a <tid>" an application thread
 * (sampled at full rate even when idle), "n <tid>" no longer one, "stop" (or the end of input): a last sample, then D.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/*
 * ProcSampler's timing, which this replaces (see its measurements in docs/benchmarks/trace.md), but for the flush:
 * every F wakes the launcher's reader and makes it send a trace frame, on the CPUs the program runs on; every 160 ms
 * instead of 80 (docs/benchmarks/trace.md, "seventh session").
 */
#define FLUSH_NANOS 160000000L
#define IDLE_AFTER_NANOS 100000000L
#define IDLE_EVERY_TICKS 10
/*
 * A pass may cost at most 1/COST_SHARE of the time until the next, in CPU (200 threads: a pass takes about 0.5 ms, so
 * about every 50 ms). The trace's CPU is CPU a many-threaded program loses: on 2 CPUs, a 200-thread queue program's
 * threads got about 7 % less CPU time than untraced with 1/50 here and in the JVM's tracer, about 3 % less with 1/100,
 * and the program took about 14 % longer with everything sampled at 500 Hz, 4.5 % longer at 10 Hz
 * (docs/benchmarks/trace.md, "seventh session").
 *
 * Past MANY_THREADS threads the share shrinks in proportion to their number, down to 10 Hz (200 threads: 1/400, so
 * every 100 ms): a many-threaded program's threads hand work and locks to each other, and a wake-up that waits for a
 * CPU the trace holds delays the whole chain, so the same trace CPU costs such a program more than a few busy threads
 * (docs/benchmarks/trace.md, "eighth session"). The timeline shows groups of more than 20 threads collapsed, where a
 * finer time slice is not seen anyway. Programs of fewer threads keep 20 Hz at least: a slow pass (the JVM starting)
 * must not keep a new thread's first states from the trace for long.
 */
#define COST_SHARE 100
#define MANY_THREADS 50
#define MAX_TICK_NANOS 50000000L
#define MANY_MAX_TICK_NANOS 100000000L
#define BUCKETS 4096

typedef struct task {
    long pid, tid;
    int stat_fd, schedstat_fd;
    long long exec;
    long stalled_since, idle_since, cpu_ms;
    char last_state, last_reported;
    unsigned name_hash;
    int last_cpu;
    long last_cpu_ms;
    int application, seen;
    struct task *next;
} task;

typedef struct proc {
    long pid;
    int ended, has_threads;
    struct proc *next;
} proc;

static task *tasks[BUCKETS];
static proc *procs;
/* Threads never to sample: the tracers' own, and threads whose first read found them gone. */
static long *excluded;
static size_t excluded_count, excluded_capacity;
static long program_pid, tick;
static const char *tracer_name;
static char buf[4096];
static char out[1 << 16];
static size_t out_length;

static long clock_nanos(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static long nanos(void) {
    return clock_nanos(CLOCK_MONOTONIC);
}

/*
 * The CPU this process has used: what a pass costs is counted in it, not in the time the pass took, since on busy CPUs
 * the program's threads preempt a pass (a 4-thread CPU-bound program made its passes take several times their CPU,
 * and sampling slow down to 100-150 passes a second).
 */
static long cpu_nanos(void) {
    return clock_nanos(CLOCK_PROCESS_CPUTIME_ID);
}

static void send_out(void) {
    size_t sent = 0;
    while (sent < out_length) {
        ssize_t n = write(STDOUT_FILENO, out + sent, out_length - sent);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            exit(0); /* the launcher went away */
        }
        sent += (size_t) n;
    }
    out_length = 0;
}

static void line(const char *format, ...) __attribute__((format(printf, 1, 2)));

static void line(const char *format, ...) {
    if (out_length + 512 > sizeof out) {
        send_out();
    }
    va_list args;
    va_start(args, format);
    int n = vsnprintf(out + out_length, sizeof out - out_length, format, args);
    va_end(args);
    if (n > 0 && (size_t) n < sizeof out - out_length) {
        out_length += (size_t) n;
    }
}

/* Makes room for one more element in a growing array; a sampler out of memory ends (the trace stops, not the run). */
static void *room_for_one(void *array, size_t count, size_t *capacity, size_t element) {
    if (count < *capacity) {
        return array;
    }
    *capacity = *capacity ? *capacity * 2 : 16;
    void *grown = realloc(array, *capacity * element);
    if (grown == NULL) {
        exit(1);
    }
    return grown;
}

static int is_excluded(long tid) {
    for (size_t i = 0; i < excluded_count; i++) {
        if (excluded[i] == tid) {
            return 1;
        }
    }
    return 0;
}

static void exclude(long tid) {
    if (is_excluded(tid)) {
        return;
    }
    excluded = room_for_one(excluded, excluded_count, &excluded_capacity, sizeof *excluded);
    excluded[excluded_count++] = tid;
}

static task *find_task(long tid) {
    for (task *t = tasks[tid % BUCKETS]; t != NULL; t = t->next) {
        if (t->tid == tid) {
            return t;
        }
    }
    return NULL;
}

static void drop_task(task *gone) {
    task **link = &tasks[gone->tid % BUCKETS];
    while (*link != gone) {
        link = &(*link)->next;
    }
    *link = gone->next;
    close(gone->stat_fd);
    if (gone->schedstat_fd >= 0) {
        close(gone->schedstat_fd);
    }
    free(gone);
}

static proc *find_proc(long pid) {
    for (proc *p = procs; p != NULL; p = p->next) {
        if (p->pid == pid) {
            return p;
        }
    }
    return NULL;
}

/* The whole of a small /proc file, read again from its start; -1 once its task is gone. */
static int read_at_start(int fd) {
    ssize_t n;
    do {
        n = pread(fd, buf, sizeof buf - 1, 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        return -1;
    }
    buf[n] = '\0';
    return (int) n;
}

static int read_file(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    int n = read_at_start(fd);
    close(fd);
    return n;
}

/* The numeric field `index` places after `from` (fields are separated by one space). */
static long long field(const char *from, int index) {
    const char *c = from;
    for (int skipped = 0; skipped < index && *c; c++) {
        if (*c == ' ') {
            skipped++;
        }
    }
    return strtoll(c, NULL, 10);
}

/* The part of a stat line after the command name, which may itself hold ')' and spaces. */
static char *after_name(int length) {
    for (int i = length - 1; i >= 0; i--) {
        if (buf[i] == ')') {
            return i + 2 < length ? buf + i + 2 : NULL;
        }
    }
    return NULL;
}

static long parent_of(long pid) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    int n = read_file(path);
    char *rest = n > 0 ? after_name(n) : NULL;
    return rest == NULL ? -1 : (long) field(rest, 4 - 3);
}

static unsigned hash_of(const char *from, const char *to) {
    unsigned hash = 1;
    for (const char *c = from; c < to; c++) {
        hash = 31 * hash + (unsigned char) *c;
    }
    return hash;
}

static void thread_line(long now, task *t, const char *name, const char *end) {
    char hex[2 * 64 + 1];
    int n = 0;
    for (const char *c = name; c < end && n < 128; c++) {
        n += snprintf(hex + n, sizeof hex - (size_t) n, "%02x", (unsigned char) *c);
    }
    hex[n] = '\0';
    line("T\t%ld\t%ld\t%ld\t%s\n", now, t->pid, t->tid, hex);
}

static long long exec_nanos(task *t) {
    if (t->schedstat_fd < 0) {
        char path[96];
        snprintf(path, sizeof path, "/proc/%ld/task/%ld/schedstat", t->pid, t->tid);
        t->schedstat_fd = open(path, O_RDONLY | O_CLOEXEC);
        if (t->schedstat_fd < 0) {
            return t->exec;
        }
    }
    return read_at_start(t->schedstat_fd) > 0 ? strtoll(buf, NULL, 10) : t->exec;
}

/* Reads one thread's state; 0 once it is gone. */
static int sample_task(task *t, long now) {
    int length = read_at_start(t->stat_fd);
    char *rest = length > 0 ? after_name(length) : NULL;
    if (rest == NULL || *rest == 'Z' || *rest == 'X') {
        return 0;
    }
    char *open_paren = strchr(buf, '(');
    char *close_paren = rest - 2;
    if (open_paren != NULL && open_paren < close_paren) {
        unsigned hash = hash_of(open_paren + 1, close_paren);
        if (hash != t->name_hash) {
            t->name_hash = hash;
            thread_line(now, t, open_paren + 1, close_paren);
        }
    }
    char state = *rest;
    /* Counted from the state (field 3): utime 14, stime 15, processor 39; clock ticks of 10 ms. */
    long cpu_ms = (long) (field(rest, 14 - 3) + field(rest, 15 - 3)) * 10;
    int cpu = (int) field(rest, 39 - 3);
    t->cpu_ms = cpu_ms;
    char reported = state;
    if (state == 'R') {
        /* Running and waiting for a CPU are both R: CPU time that did not grow over two samples means waiting. */
        long long exec = exec_nanos(t);
        if (exec > t->exec || t->exec < 0) {
            t->stalled_since = 0;
        } else if (t->stalled_since == 0) {
            t->stalled_since = now;
            reported = t->last_reported;
        } else {
            reported = 'r';
        }
        t->exec = exec;
        t->idle_since = 0;
    } else {
        t->stalled_since = 0;
        if (state != t->last_state) {
            t->idle_since = now;
        }
    }
    t->last_state = state;
    /*
     * A thread off the CPUs is drawn alike whichever CPU it last ran on: sending each such move was most of the
     * lines of a 200-thread program (they flip between sleeping and running between two samples), and reading each
     * cost the launcher about 10 us on the program's CPUs.
     */
    int on_cpu = reported == 'R' || reported == 'r';
    if (reported != t->last_reported || (on_cpu && cpu != t->last_cpu) || cpu_ms != t->last_cpu_ms) {
        long at = reported == 'r' ? t->stalled_since : now;
        line("S\t%ld\t%ld\t%c\t%d\t%ld\n", at, t->tid, reported, cpu, cpu_ms);
        t->last_reported = reported;
        t->last_cpu = cpu;
        t->last_cpu_ms = cpu_ms;
    }
    return 1;
}

static int numeric(const char *name) {
    if (*name == '\0') {
        return 0;
    }
    for (const char *c = name; *c; c++) {
        if (*c < '0' || *c > '9') {
            return 0;
        }
    }
    return 1;
}

static void discover_threads(proc *p, long now) {
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/task", p->pid);
    DIR *dir = opendir(path);
    if (dir == NULL) {
        return; /* ended between listing and reading: end_finished_processes notices */
    }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (!numeric(entry->d_name)) {
            continue;
        }
        long tid = atol(entry->d_name);
        if (find_task(tid) != NULL || is_excluded(tid)) {
            continue;
        }
        char file[96];
        snprintf(file, sizeof file, "/proc/%ld/task/%ld/stat", p->pid, tid);
        int fd = open(file, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            continue; /* ended while being listed */
        }
        int length = read_at_start(fd);
        char *rest = length > 0 ? after_name(length) : NULL;
        char *open_paren = strchr(buf, '(');
        if (rest == NULL || open_paren == NULL || open_paren > rest - 2) {
            close(fd);
            continue;
        }
        size_t name_length = (size_t) (rest - 2 - (open_paren + 1));
        if (strlen(tracer_name) == name_length && strncmp(open_paren + 1, tracer_name, name_length) == 0) {
            close(fd);
            exclude(tid);
            continue;
        }
        task *t = calloc(1, sizeof *t);
        if (t == NULL) {
            exit(1);
        }
        t->pid = p->pid;
        t->tid = tid;
        t->stat_fd = fd;
        t->schedstat_fd = -1;
        t->exec = -1;
        t->last_cpu = -1;
        t->name_hash = hash_of(open_paren + 1, rest - 2);
        t->next = tasks[tid % BUCKETS];
        tasks[tid % BUCKETS] = t;
        p->has_threads = 1;
        thread_line(now, t, open_paren + 1, rest - 2);
        if (!sample_task(t, now)) {
            line("E\t%ld\t%ld\t0\n", now, tid);
            drop_task(t);
        }
    }
    closedir(dir);
}

/* Lists the program's processes and their threads again: only when a pid or tid was allocated. */
static void discover(long now) {
    DIR *dir = opendir("/proc");
    if (dir == NULL) {
        return;
    }
    long (*candidates)[2] = NULL;
    size_t count = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (!numeric(entry->d_name)) {
            continue;
        }
        long pid = atol(entry->d_name);
        long ppid;
        if (find_proc(pid) != NULL || (ppid = parent_of(pid)) < 0) {
            continue;
        }
        candidates = room_for_one(candidates, count, &capacity, sizeof *candidates);
        candidates[count][0] = pid;
        candidates[count][1] = ppid;
        count++;
    }
    closedir(dir);
    /* Parents usually come first, but a recycled pid can put a child before its parent: repeat until stable. */
    for (int added = 1; added;) {
        added = 0;
        for (size_t i = 0; i < count; i++) {
            if (candidates[i][0] > 0 && (candidates[i][0] == program_pid || find_proc(candidates[i][1]) != NULL)) {
                proc *p = calloc(1, sizeof *p);
                if (p == NULL) {
                    exit(1);
                }
                p->pid = candidates[i][0];
                p->next = procs;
                procs = p;
                line("P\t%ld\t%ld\t%ld\n", now, p->pid, candidates[i][1]);
                candidates[i][0] = -1;
                added = 1;
            }
        }
    }
    free(candidates);
    for (proc *p = procs; p != NULL; p = p->next) {
        if (!p->ended) {
            discover_threads(p, now);
        }
    }
}

static void end_finished_processes(long now) {
    for (proc *p = procs; p != NULL; p = p->next) {
        if (p->ended || !p->has_threads) {
            continue;
        }
        int alive = 0;
        for (int b = 0; b < BUCKETS && !alive; b++) {
            for (task *t = tasks[b]; t != NULL && !alive; t = t->next) {
                alive = t->pid == p->pid;
            }
        }
        if (!alive) {
            p->ended = 1;
            line("X\t%ld\t%ld\n", now, p->pid);
        }
    }
}

/* The last pid allocated in the container's pid namespace (/proc/loadavg's last field): moves on every new task. */
static long last_allocated(int loadavg) {
    int n = read_at_start(loadavg);
    if (n <= 0) {
        return -1;
    }
    char *space = strrchr(buf, ' ');
    return space == NULL ? -1 : atol(space + 1);
}

/* One pass over the program's threads; returns how many were read. */
static int sample(long now, int loadavg, long *last_pid) {
    int sampled = 0;
    tick++;
    long newest = last_allocated(loadavg);
    if (newest != *last_pid) {
        *last_pid = newest;
        discover(now);
    }
    for (int b = 0; b < BUCKETS; b++) {
        task *t = tasks[b];
        while (t != NULL) {
            task *next = t->next;
            if (is_excluded(t->tid)) {
                drop_task(t);
            } else if (t->idle_since != 0 && now - t->idle_since > IDLE_AFTER_NANOS && tick % IDLE_EVERY_TICKS != 0
                       && !t->application) {
                /* idle JVM-internal threads: every IDLE_EVERY_TICKS-th sample */
            } else {
                sampled++;
                if (!sample_task(t, now)) {
                    line("E\t%ld\t%ld\t%ld\n", now, t->tid, t->cpu_ms);
                    drop_task(t);
                }
            }
            t = next;
        }
    }
    end_finished_processes(now);
    return sampled;
}

static void mark_application(long tid, int application) {
    task *t = find_task(tid);
    if (t != NULL) {
        t->application = application;
    }
}

/* Applies the launcher's lines; 0 once it said stop or closed the pipe. */
static int read_commands(void) {
    static char pending[4096];
    static size_t pending_length;
    ssize_t n = read(STDIN_FILENO, pending + pending_length, sizeof pending - 1 - pending_length);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
        return 1;
    }
    if (n <= 0) {
        return 0;
    }
    pending_length += (size_t) n;
    pending[pending_length] = '\0';
    char *start = pending, *end;
    int going = 1;
    while ((end = strchr(start, '\n')) != NULL) {
        *end = '\0';
        if (strcmp(start, "stop") == 0) {
            going = 0;
        } else if (start[0] != '\0' && start[1] == ' ') {
            long tid = atol(start + 2);
            if (start[0] == 'x') {
                exclude(tid);
            } else if (start[0] == 'a' || start[0] == 'n') {
                mark_application(tid, start[0] == 'a');
            }
        }
        start = end + 1;
    }
    pending_length = strlen(start);
    memmove(pending, start, pending_length);
    if (pending_length == sizeof pending - 1) {
        pending_length = 0; /* no command is this long */
    }
    return going;
}

/*
 * The program's pid, the first line in: the launcher starts the sampler before the program, so that starting a
 * process does not compete with the program's JVM for the CPUs while it starts.
 */
static long read_program_pid(void) {
    char text[32];
    size_t length = 0;
    while (length < sizeof text - 1) {
        ssize_t n = read(STDIN_FILENO, text + length, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0 || text[length] == '\n') {
            break;
        }
        length++;
    }
    text[length] = '\0';
    return numeric(text) ? atol(text) : -1;
}

/* The time from one pass to the next, after one over this many threads that took this much CPU (see COST_SHARE). */
static long next_tick(long tick_nanos, long cpu, int threads) {
    int many = threads > MANY_THREADS;
    long cost = cpu * (many ? (long) COST_SHARE * threads / MANY_THREADS : COST_SHARE);
    long max = many ? MANY_MAX_TICK_NANOS : MAX_TICK_NANOS;
    return tick_nanos > cost ? tick_nanos : (cost < max ? cost : max);
}

int main(int argc, char **argv) {
    if (argc != 3 || atol(argv[1]) <= 0) {
        fprintf(stderr, "usage: threadlab-sampler <samples a second> <tracer thread name>, then the program's pid on stdin\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    long tick_nanos = 1000000000L / atol(argv[1]);
    tracer_name = argv[2];
    program_pid = read_program_pid();
    if (program_pid <= 0) {
        return 0; /* the launcher never started the program */
    }
    int loadavg = open("/proc/loadavg", O_RDONLY | O_CLOEXEC);
    if (loadavg < 0) {
        perror("threadlab-sampler: /proc/loadavg");
        return 1;
    }
    long last_pid = -2, last_flush = 0, next = nanos();
    int going = 1;
    while (going) {
        long started = nanos(), cpu_started = cpu_nanos();
        int threads = sample(started, loadavg, &last_pid);
        if (started - last_flush >= FLUSH_NANOS) {
            last_flush = started;
            line("F\t%ld\n", started);
        }
        send_out();
        next += next_tick(tick_nanos, cpu_nanos() - cpu_started, threads);
        if (next - nanos() <= 0) {
            next = nanos();
        }
        /* Waits for the next sample, taking the launcher's lines as they come. */
        for (long wait; going && (wait = next - nanos()) > 0;) {
            struct pollfd input = {STDIN_FILENO, POLLIN, 0};
            struct timespec pause = {wait / 1000000000L, wait % 1000000000L};
            if (ppoll(&input, 1, &pause, NULL) > 0) {
                going = read_commands();
            }
        }
    }
    long now = nanos();
    sample(now, loadavg, &(long) {-2});
    line("D\t%ld\n", now);
    send_out();
    return 0;
}
