/*
 * The native tracer: a JVMTI agent that reports a JVM's Java threads, their states and what they wait for to the
 * launcher, over the launcher's trace socket, in the Java tracer's line protocol (see JavaThreadTracer.java). Loaded
 * with -agentpath into the program's JVM (the launcher's TracedJvm).
 *
 * Why native: the Java tracer's work made a 200-thread queue program 25-40 % slower on 2 CPUs, mostly through the JIT
 * compilers compiling the JDK code it ran and the classes it loaded; the same sampling done here cost within the
 * noise of nothing (docs/benchmarks/trace.md, "native sampling"). So the hot path, every thread's state on every
 * sample, is here, and the rare parts are asked of Java on the agent's thread (NativeAgent.java): a monitor's owner,
 * the deadlock report, and, once the JVM runs virtual threads, everything (the Java tracer takes over on this thread).
 *
 * What is read, and why it needs no safepoint: the thread list and each thread's JVMTI state (with the Java states'
 * detail: sleeping, parked, in Object.wait, entering a monitor), fields of java.lang.Thread (name, park blocker) and of
 * a lock (its exclusive owner) through JNI. The OS thread of each thread is taken on the thread itself (ThreadStart
 * runs there), so no pairing by name is needed but for the JVM's own first threads.
 *
 * Everything it sends is the learner's to forge (it runs in their process): the launcher believes it only as far as
 * it believes the Java tracer.
 */
#define _GNU_SOURCE
#include <jvmti.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

/*
 * The sampling's timing, as the Java tracer's (JavaThreadTracer.java explains each), but for programs of many platform
 * threads (COST_SHARE, below), which the Java tracer does not follow.
 */
#define SLOW_TICK_NANOS 10000000L
#define FAST_FOR_NANOS 200000000L
#define MAX_TICK_NANOS 50000000L
/*
 * A sample may cost at most 1/COST_SHARE of the time until the next (20 threads: a sample takes about 25 us, so every
 * 5 ms), and past MANY_THREADS threads a share smaller in proportion to their number, down to 10 Hz (200 threads: a
 * sample takes about 0.25 ms, 1/800, so every 100 ms); see the launcher's threadlab-sampler.c for why.
 */
#define COST_SHARE 200
#define MANY_THREADS 50
#define MANY_MAX_TICK_NANOS 100000000L
#define MARK_NANOS 5000000L
#define DETAILS_REFRESH_NANOS 20000000L
#define QUIET_REFRESH_NANOS 200000000L
#define DEADLOCK_CHECK_NANOS 250000000L
/*
 * Lines go to the launcher at most this often (and when the buffer fills, at VMDeath, and at once after a thread was
 * described, since the launcher holds back a new thread's samples until it knows its Java name), not after every
 * sample: each send wakes the launcher's reader on the CPUs the program runs on, and every wake-up and every CPU
 * millisecond of the trace's threads slowed a 200-thread queue program (docs/benchmarks/trace.md, "seventh session").
 * Lines of the last 160 ms are lost only if the JVM dies without VMDeath (SIGKILL, Runtime.halt).
 */
#define SEND_EVERY_NANOS 160000000L
/* The JVM's own first threads are paired with their OS threads by name, in the JVM's first half second. */
#define PAIR_BY_NAME_NANOS 500000000L
/*
 * Once main has returned, the java launcher attaches main's OS thread again as a new Java thread, DestroyJavaVM, which
 * waits for the program's last threads and then shuts the JVM down. Drawn (main's lane renamed) only if it lasts this
 * long, that is if it waits for threads: a JVM whose threads have all ended shuts down within a few milliseconds.
 */
#define SHUTDOWN_GRACE_NANOS 20000000L
/* A thread's record is freed this long after it ended, when no sample can still be looking at it. */
#define FREE_AFTER_NANOS 2000000000L
#define MAX_NAME 200
#define LINE 1024

enum java_state { NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED };
static const char *const STATE_NAMES[] = {"NEW", "RUNNABLE", "BLOCKED", "WAITING", "TIMED_WAITING", "TERMINATED"};

/* What the agent knows about one Java thread: kept in the thread's JVMTI thread-local storage. */
typedef struct traced {
    long tid;              /* the OS thread, 0 until known */
    jlong java_id;
    int daemon, system, ended, described;
    jweak name;            /* the java.lang.String last described */
    char *clean_name;      /* as it goes out on a line */
    int java_state;        /* the state last reported, -1 before */
    char on[8];
    char lock[LINE / 2];
    jlong owner_id;        /* the Java id of the lock's owner, -1 for none */
    jweak blocker, owner;  /* a parked thread's blocker and its owner, as last reported */
    long details_at;
    struct traced *waits_for;  /* the owner this sample saw it wait for without a time-out (deadlock candidates) */
    long ended_at;
    struct traced *next_ended;
    long shutdown_since;   /* the JVM's DestroyJavaVM thread on main's OS thread: described only if it lasts */
} traced;

static jvmtiEnv *jvmti;
static jrawMonitorID buffer_lock, threads_lock;
static int channel = -1;
static char buffer[1 << 16];
static size_t buffered;
static jfieldID name_field, park_blocker_field, tid_field, owner_field;
static jclass owner_class, carrier_class, agent_class;
static jmethodID waits_method, deadlock_method, continue_method;
static jobject self;
static long started, last_change, last_mark, last_deadlock_check, last_send;
static int send_soon;
static traced *ended_list;
static volatile int carriers_seen;
/*
 * The agent's thread waits for its next sample here, not in nanosleep: a JVM that exits waits for its threads that are
 * in native code to stop (HotSpot's VM_Exit::wait_for_threads_in_native_to_block, up to 300 ms, in 10 ms steps), and a
 * thread asleep in native code stops only when it wakes. Asleep for its next sample (up to 100 ms), it held up every
 * traced JVM's exit: a hello world took about 60 ms longer traced than untraced, 50 of them after its main had
 * returned. VMDeath wakes it here instead, and it ends.
 */
static pthread_mutex_t tick_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t tick_cond;
static int dying;
static pid_t pid;
static long main_tid;

static long nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static void send_all(const char *bytes, size_t length) {
    while (length > 0 && channel >= 0) {
        ssize_t n = send(channel, bytes, length, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            close(channel); /* the launcher went away: tracing is best effort and never disturbs the program */
            channel = -1;
            return;
        }
        bytes += n;
        length -= (size_t) n;
    }
}

/* Appends a line to what goes out at the end of the sample; any thread may call it. */
static void emit(const char *line, int length) {
    if (length <= 0) {
        return;
    }
    (*jvmti)->RawMonitorEnter(jvmti, buffer_lock);
    if (buffered + (size_t) length > sizeof buffer) {
        send_all(buffer, buffered);
        buffered = 0;
    }
    if ((size_t) length <= sizeof buffer) {
        memcpy(buffer + buffered, line, (size_t) length);
        buffered += (size_t) length;
    }
    (*jvmti)->RawMonitorExit(jvmti, buffer_lock);
}

static void flush(void) {
    (*jvmti)->RawMonitorEnter(jvmti, buffer_lock);
    send_all(buffer, buffered);
    buffered = 0;
    (*jvmti)->RawMonitorExit(jvmti, buffer_lock);
}

/* UTF-8 of a Java string's first `max` chars, tabs and line breaks as spaces, "…" if cut (JavaThreadTracer.clean). */
static char *clean_string(JNIEnv *env, jstring text, int max) {
    jsize length = text == NULL ? 0 : (*env)->GetStringLength(env, text);
    jsize kept = length > max ? max : length;
    jchar chars[MAX_NAME + 1];
    char *out = malloc((size_t) kept * 3 + 4);
    size_t n = 0;
    if (kept > 0) {
        (*env)->GetStringRegion(env, text, 0, kept, chars);
    }
    for (jsize i = 0; i < kept; i++) {
        uint32_t c = chars[i];
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < kept && chars[i + 1] >= 0xDC00 && chars[i + 1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (chars[++i] - 0xDC00);
        } else if (c >= 0xD800 && c < 0xE000) {
            c = 0xFFFD; /* a lone surrogate, as String.getBytes(UTF_8) makes it '?'; not valid UTF-8 either way */
        }
        if (c == '\t' || c == '\n' || c == '\r') {
            c = ' ';
        }
        if (c < 0x80) {
            out[n++] = (char) c;
        } else if (c < 0x800) {
            out[n++] = (char) (0xC0 | c >> 6);
            out[n++] = (char) (0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[n++] = (char) (0xE0 | c >> 12);
            out[n++] = (char) (0x80 | (c >> 6 & 0x3F));
            out[n++] = (char) (0x80 | (c & 0x3F));
        } else {
            out = realloc(out, n + (size_t) (kept - i) * 4 + 8);
            out[n++] = (char) (0xF0 | c >> 18);
            out[n++] = (char) (0x80 | (c >> 12 & 0x3F));
            out[n++] = (char) (0x80 | (c >> 6 & 0x3F));
            out[n++] = (char) (0x80 | (c & 0x3F));
        }
    }
    if (length > max) {
        memcpy(out + n, "\xE2\x80\xA6", 3);
        n += 3;
    }
    out[n] = '\0';
    return out;
}

/* "java.util.concurrent.locks.ReentrantLock$NonfairSync@1b6d3586", as ThreadInfo.getLockName() names a lock. */
static void lock_name(JNIEnv *env, jobject lock, char *out, size_t size) {
    out[0] = '\0';
    if (lock == NULL) {
        return;
    }
    jclass type = (*env)->GetObjectClass(env, lock);
    char *signature = NULL;
    jint hash = 0;
    if ((*jvmti)->GetClassSignature(jvmti, type, &signature, NULL) == JVMTI_ERROR_NONE) {
        (*jvmti)->GetObjectHashCode(jvmti, lock, &hash);
        size_t length = strlen(signature);
        /* "Ljava/lang/Object;" -> "java.lang.Object"; arrays keep their descriptor, as Class.getName() does */
        int plain = signature[0] == 'L' && length > 2;
        int n = snprintf(out, size, "%.*s@%x", plain ? (int) (length - 2) : (int) length, signature + plain,
                         (unsigned) hash);
        for (int i = 0; i < n && (size_t) i < size; i++) {
            if (out[i] == '/') {
                out[i] = '.';
            } else if (out[i] == '\t' || out[i] == '\n' || out[i] == '\r') {
                out[i] = ' ';
            }
        }
        (*jvmti)->Deallocate(jvmti, (unsigned char *) signature);
    }
    (*env)->DeleteLocalRef(env, type);
}

/* What a waiting thread waits on, from its state and its lock's class (JavaThreadTracer.waitKind). */
static const char *wait_kind(int state, const char *lock) {
    if (state == BLOCKED) {
        return "monitor";
    }
    if (lock[0] == '\0') {
        return state == TIMED_WAITING ? "sleep" : "park";
    }
    if (strncmp(lock, "java.lang.Thread@", 17) == 0 || strncmp(lock, "java.lang.ThreadGroup", 21) == 0) {
        return "join";
    }
    if (strncmp(lock, "java.util.concurrent.", 21) == 0) {
        return "park";
    }
    return "wait";
}

static int java_state(jint jvmti_state) {
    switch (jvmti_state & JVMTI_JAVA_LANG_THREAD_STATE_MASK) {
        case JVMTI_JAVA_LANG_THREAD_STATE_NEW: return NEW;
        case JVMTI_JAVA_LANG_THREAD_STATE_TERMINATED: return TERMINATED;
        case JVMTI_JAVA_LANG_THREAD_STATE_BLOCKED: return BLOCKED;
        case JVMTI_JAVA_LANG_THREAD_STATE_WAITING: return WAITING;
        case JVMTI_JAVA_LANG_THREAD_STATE_TIMED_WAITING: return TIMED_WAITING;
        default: return RUNNABLE;
    }
}

static traced *traced_of(jthread thread) {
    void *data = NULL;
    if (thread == NULL || (*jvmti)->GetThreadLocalStorage(jvmti, thread, &data) != JVMTI_ERROR_NONE) {
        return NULL;
    }
    return data;
}

static void describe(long now, traced *t) {
    char line[LINE];
    t->described = 1;
    send_soon = 1;
    int n = snprintf(line, sizeof line, "J\t%ld\t%ld\t%lld\t%d\t%d\t%s\t0\n", now, t->tid, (long long) t->java_id,
                     t->daemon, t->system, t->clean_name);
    emit(line, n < (int) sizeof line ? n : (int) sizeof line - 1);
}

static long tid_of(traced *t) {
    return __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE);
}

/* Reads the thread's name (on the agent's thread only); describes it once paired, and again when renamed. */
static void check_name(JNIEnv *env, jthread thread, traced *t, long now) {
    jobject name = (*env)->GetObjectField(env, thread, name_field);
    if (t->name == NULL || !(*env)->IsSameObject(env, name, t->name)) {
        t->described = 0;
        if (t->name != NULL) {
            (*env)->DeleteWeakGlobalRef(env, t->name);
        }
        t->name = (*env)->NewWeakGlobalRef(env, name);
        free(t->clean_name);
        t->clean_name = clean_string(env, name, MAX_NAME);
    }
    if (!t->described && tid_of(t) != 0) {
        describe(now, t);
    }
    (*env)->DeleteLocalRef(env, name);
}

/* A new record for `thread`, kept in its thread-local storage; `tid` 0 when not known yet. */
static traced *adopt(JNIEnv *env, jthread thread, long tid) {
    traced *t = calloc(1, sizeof *t);
    t->tid = tid;
    t->java_state = -1;
    t->owner_id = -1;
    t->java_id = (*env)->GetLongField(env, thread, tid_field);
    jvmtiThreadInfo info;
    if ((*jvmti)->GetThreadInfo(jvmti, thread, &info) == JVMTI_ERROR_NONE) {
        t->daemon = info.is_daemon != JNI_FALSE;
        jvmtiThreadGroupInfo group;
        if (info.thread_group != NULL
            && (*jvmti)->GetThreadGroupInfo(jvmti, info.thread_group, &group) == JVMTI_ERROR_NONE) {
            t->system = strcmp(group.name, "system") == 0 || strcmp(group.name, "InnocuousThreadGroup") == 0;
            (*jvmti)->Deallocate(jvmti, (unsigned char *) group.name);
            (*env)->DeleteLocalRef(env, group.parent);
        }
        (*jvmti)->Deallocate(jvmti, (unsigned char *) info.name);
        (*env)->DeleteLocalRef(env, info.thread_group);
        (*env)->DeleteLocalRef(env, info.context_class_loader);
    }
    (*jvmti)->SetThreadLocalStorage(jvmti, thread, t);
    return t;
}

static void report(long now, traced *t, int state, const char *on, const char *lock, jlong owner_id, traced *owner) {
    char line[LINE];
    if (!t->system) {
        last_change = now;
    }
    t->java_state = state;
    snprintf(t->on, sizeof t->on, "%s", on);
    if (lock != t->lock) {
        snprintf(t->lock, sizeof t->lock, "%s", lock);
    }
    t->owner_id = owner_id;
    char owner_tid[24] = "";
    if (owner != NULL && owner->tid != 0) {
        snprintf(owner_tid, sizeof owner_tid, "%ld", owner->tid);
    }
    int n = snprintf(line, sizeof line, "S\t%ld\t%ld\t%s\t%s\t%s\t%s\t%s\n", now, t->tid, STATE_NAMES[state], on, lock,
                     owner_tid, owner == NULL || owner->clean_name == NULL ? "" : owner->clean_name);
    if (n >= (int) sizeof line) {
        line[sizeof line - 2] = '\n';
        n = sizeof line - 1;
    }
    emit(line, n);
}

/* Whether a thread in this wait can be part of a deadlock: it waits, without a time-out, for an owned lock. */
static int on_lock(int state, jlong owner_id) {
    return owner_id >= 0 && state != TIMED_WAITING;
}

/* A parked thread: its blocker names the lock, and a java.util.concurrent lock names its owner. */
static void parked(JNIEnv *env, jthread thread, traced *t, int state, long now) {
    jobject blocker = (*env)->GetObjectField(env, thread, park_blocker_field);
    jobject owner = NULL;
    if (blocker != NULL && owner_class != NULL && (*env)->IsInstanceOf(env, blocker, owner_class)) {
        owner = (*env)->GetObjectField(env, blocker, owner_field);
    }
    int same = t->java_state == state && t->blocker != NULL && (*env)->IsSameObject(env, blocker, t->blocker)
               && (owner == NULL ? t->owner == NULL : t->owner != NULL && (*env)->IsSameObject(env, owner, t->owner));
    traced *owner_traced = traced_of(owner);
    if (!same) {
        char lock[LINE / 2];
        lock_name(env, blocker, lock, sizeof lock);
        if (t->blocker != NULL) {
            (*env)->DeleteWeakGlobalRef(env, t->blocker);
        }
        if (t->owner != NULL) {
            (*env)->DeleteWeakGlobalRef(env, t->owner);
        }
        t->blocker = blocker == NULL ? NULL : (*env)->NewWeakGlobalRef(env, blocker);
        t->owner = owner == NULL ? NULL : (*env)->NewWeakGlobalRef(env, owner);
        jlong owner_id = owner == NULL ? -1 : (*env)->GetLongField(env, owner, tid_field);
        report(now, t, state, wait_kind(state, lock), lock, owner_id, owner_traced);
    }
    (*env)->DeleteLocalRef(env, owner);
    (*env)->DeleteLocalRef(env, blocker);
}

/* Sleeping or in Object.wait/join: the object waited on is read natively; no owner is reported for these waits. */
static void waiting(JNIEnv *env, jthread thread, traced *t, int state, jint jvmti_state, long now) {
    if (t->java_state == state && now - t->details_at < QUIET_REFRESH_NANOS) {
        return;
    }
    t->details_at = now;
    char lock[LINE / 2] = "";
    if (!(jvmti_state & JVMTI_THREAD_STATE_SLEEPING)) {
        jobject monitor = NULL;
        if ((*jvmti)->GetCurrentContendedMonitor(jvmti, thread, &monitor) == JVMTI_ERROR_NONE) {
            lock_name(env, monitor, lock, sizeof lock);
            (*env)->DeleteLocalRef(env, monitor);
        }
    }
    const char *on = wait_kind(state, lock);
    if (state != t->java_state || strcmp(lock, t->lock) != 0 || strcmp(on, t->on) != 0 || t->owner_id != -1) {
        report(now, t, state, on, lock, -1, NULL);
    }
}

static traced *by_java_id(traced **sampled, int count, jlong java_id) {
    for (int i = 0; i < count; i++) {
        if (sampled[i] != NULL && sampled[i]->java_id == java_id) {
            return sampled[i];
        }
    }
    return NULL;
}

/*
 * Threads blocked on a monitor: its owner is known only to the JVM's thread infos (asked of Java, NativeAgent.waits,
 * without a safepoint), on a state change and every DETAILS_REFRESH_NANOS.
 */
static void blocked(JNIEnv *env, traced **asked, int count, traced **sampled, int sampled_count, long now) {
    if (count == 0 || waits_method == NULL) {
        return;
    }
    jlongArray ids = (*env)->NewLongArray(env, count);
    if (ids == NULL) {
        (*env)->ExceptionClear(env); /* the program's heap is full: the owners wait for the next sample */
        return;
    }
    for (int i = 0; i < count; i++) {
        (*env)->SetLongArrayRegion(env, ids, i, 1, &asked[i]->java_id);
    }
    jstring answer = (*env)->CallStaticObjectMethod(env, agent_class, waits_method, ids);
    if ((*env)->ExceptionCheck(env) || answer == NULL) {
        (*env)->ExceptionClear(env);
        return;
    }
    const char *text = (*env)->GetStringUTFChars(env, answer, NULL);
    if (text == NULL) {
        (*env)->ExceptionClear(env);
        return;
    }
    const char *line = text;
    for (int i = 0; i < count && line != NULL && *line != '\0'; i++) {
        const char *end = strchr(line, '\n');
        char state_name[16] = "", lock[LINE / 2] = "";
        long long owner_id = -1;
        /* "STATE\tlock\townerId"; the lock may be empty */
        const char *tab = memchr(line, '\t', end == NULL ? strlen(line) : (size_t) (end - line));
        if (tab != NULL) {
            snprintf(state_name, sizeof state_name, "%.*s", (int) (tab - line), line);
            const char *tab2 = strchr(tab + 1, '\t');
            if (tab2 != NULL && (end == NULL || tab2 < end)) {
                snprintf(lock, sizeof lock, "%.*s", (int) (tab2 - tab - 1), tab + 1);
                owner_id = strtoll(tab2 + 1, NULL, 10);
            }
            int state = -1;
            for (int s = 0; s <= TERMINATED; s++) {
                if (strcmp(state_name, STATE_NAMES[s]) == 0) {
                    state = s;
                }
            }
            traced *t = asked[i];
            if (state >= 0 && (state != t->java_state || strcmp(lock, t->lock) != 0 || owner_id != t->owner_id)) {
                report(now, t, state, wait_kind(state, lock), lock, owner_id, by_java_id(sampled, sampled_count,
                                                                                          owner_id));
            }
        }
        line = end == NULL ? NULL : end + 1;
    }
    (*env)->ReleaseStringUTFChars(env, answer, text);
    (*env)->DeleteLocalRef(env, answer);
    (*env)->DeleteLocalRef(env, ids);
}

/* Whether following the owners of the locks threads wait for leads from some thread back to itself. */
static int has_cycle(traced **sampled, int count) {
    for (int i = 0; i < count; i++) {
        traced *slow = sampled[i], *fast = sampled[i];
        while (fast != NULL && fast->waits_for != NULL) {
            slow = slow->waits_for;
            fast = fast->waits_for->waits_for;
            if (fast != NULL && slow == fast) {
                return 1;
            }
        }
    }
    return 0;
}

/* A cycle found here is confirmed, and worded, by the JVM's own deadlock detection (NativeAgent.deadlock). */
static void check_deadlock(JNIEnv *env, traced **sampled, int count, long now) {
    if (deadlock_method == NULL || now - last_deadlock_check < DEADLOCK_CHECK_NANOS) {
        return;
    }
    last_deadlock_check = now;
    for (int i = 0; i < count; i++) {
        traced *t = sampled[i];
        t->waits_for = on_lock(t->java_state, t->owner_id) ? by_java_id(sampled, count, t->owner_id) : NULL;
    }
    if (!has_cycle(sampled, count)) {
        return;
    }
    jlongArray ids = (*env)->NewLongArray(env, count);
    jlongArray tids = ids == NULL ? NULL : (*env)->NewLongArray(env, count);
    if (tids == NULL) {
        (*env)->ExceptionClear(env);
        return;
    }
    for (int i = 0; i < count; i++) {
        jlong tid = sampled[i]->tid;
        (*env)->SetLongArrayRegion(env, ids, i, 1, &sampled[i]->java_id);
        (*env)->SetLongArrayRegion(env, tids, i, 1, &tid);
    }
    jstring lines = (*env)->CallStaticObjectMethod(env, agent_class, deadlock_method, ids, tids, (jlong) now);
    if ((*env)->ExceptionCheck(env) || lines == NULL) {
        (*env)->ExceptionClear(env);
    } else {
        const char *text = (*env)->GetStringUTFChars(env, lines, NULL);
        if (text != NULL) {
            emit(text, (int) strlen(text));
            (*env)->ReleaseStringUTFChars(env, lines, text);
        }
        (*env)->ExceptionClear(env);
        (*env)->DeleteLocalRef(env, lines);
    }
    (*env)->DeleteLocalRef(env, ids);
    (*env)->DeleteLocalRef(env, tids);
}

/* The JVM's first threads, started before the agent could see them start: paired by their OS threads' names. */
static void pair_by_names(traced **sampled, int count, long now) {
    char path[64], comm[32];
    snprintf(path, sizeof path, "/proc/%d/task", (int) pid);
    DIR *tasks = opendir(path);
    if (tasks == NULL) {
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(tasks)) != NULL) {
        long tid = atol(entry->d_name);
        int taken = tid == 0;
        for (int i = 0; i < count && !taken; i++) {
            taken = sampled[i]->tid == tid;
        }
        if (taken) {
            continue;
        }
        snprintf(path, sizeof path, "/proc/%d/task/%ld/comm", (int) pid, tid);
        int fd = open(path, O_RDONLY);
        ssize_t n = fd < 0 ? -1 : read(fd, comm, sizeof comm - 1);
        if (fd >= 0) {
            close(fd);
        }
        if (n <= 0) {
            continue;
        }
        comm[comm[n - 1] == '\n' ? n - 1 : n] = '\0';
        /* The kernel keeps a name's first 15 bytes; the name must be the only unpaired one that starts so. */
        traced *match = NULL;
        int matches = 0;
        for (int i = 0; i < count; i++) {
            traced *t = sampled[i];
            if (t->tid == 0 && t->clean_name != NULL && strncmp(t->clean_name, comm, 15) == 0
                && (strlen(comm) == 15 || strlen(t->clean_name) == strlen(comm))) {
                match = t;
                matches++;
            }
        }
        if (matches == 1) {
            match->tid = tid;
            describe(now, match);
        }
    }
    closedir(tasks);
}

/* HotSpot's safepoint log (see SafepointLog.java): P for a collection, Y for another safepoint. */
static int log_fd = -2;
static char log_line[1024];
static size_t log_length;

static int is_collection(const char *operation) {
    return strstr(operation, "Collect") != NULL || strstr(operation, "GC") != NULL
           || strncmp(operation, "G1", 2) == 0 || strncmp(operation, "Shenandoah", 10) == 0
           || ((operation[0] == 'X' || operation[0] == 'Z') && operation[1] >= 'A' && operation[1] <= 'Z');
}

static void safepoint_line(const char *line) {
    /* [<timenanos>ns] Safepoint "<operation>", Time since last: ... ns, ..., Total: <ns> ns */
    char operation[101];
    long long end = 0, total = 0;
    int used = 0;
    if (sscanf(line, "[%lldns] Safepoint \"%100[^\"]\"%n", &end, operation, &used) < 2 || used == 0) {
        return;
    }
    const char *total_at = strstr(line + used, "Total: ");
    if (total_at == NULL || sscanf(total_at, "Total: %lld ns", &total) != 1 || total < 0 || total > end) {
        return;
    }
    for (char *c = operation; *c; c++) {
        if (*c == '\t' || *c == '\r') {
            *c = ' ';
        }
    }
    char out[256];
    int n = snprintf(out, sizeof out, "%c\t%lld\t%lld\t%s\n", is_collection(operation) ? 'P' : 'Y', end - total, end,
                     operation);
    emit(out, n < (int) sizeof out ? n : (int) sizeof out - 1);
}

static void drain_safepoints(void) {
    if (log_fd == -2) {
        char path[64];
        snprintf(path, sizeof path, "/tmp/.threadlab-safepoints-%d.log", (int) pid);
        log_fd = open(path, O_RDONLY);
    }
    if (log_fd < 0) {
        return;
    }
    char chunk[4096];
    ssize_t n;
    while ((n = read(log_fd, chunk, sizeof chunk)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if (chunk[i] == '\n') {
                log_line[log_length] = '\0';
                safepoint_line(log_line);
                log_length = 0;
            } else if (log_length < sizeof log_line - 1) {
                log_line[log_length++] = chunk[i];
            } else {
                log_length = 0; /* longer than any line HotSpot writes: not HotSpot's, dropped */
            }
        }
    }
}

/* Frees the records of threads that ended long enough ago that no sample still holds them. */
static void free_ended(JNIEnv *env, long now) {
    (*jvmti)->RawMonitorEnter(jvmti, buffer_lock);
    traced **link = &ended_list;
    while (*link != NULL) {
        traced *t = *link;
        if (now - t->ended_at < FREE_AFTER_NANOS) {
            link = &t->next_ended;
            continue;
        }
        *link = t->next_ended;
        if (t->name != NULL) {
            (*env)->DeleteWeakGlobalRef(env, t->name);
        }
        if (t->blocker != NULL) {
            (*env)->DeleteWeakGlobalRef(env, t->blocker);
        }
        if (t->owner != NULL) {
            (*env)->DeleteWeakGlobalRef(env, t->owner);
        }
        free(t->clean_name);
        free(t);
    }
    (*jvmti)->RawMonitorExit(jvmti, buffer_lock);
}

static traced **sampled;
static int sampled_capacity;
static traced **asked;

/* One sample: every live thread's name and state; returns how many threads it saw. */
static int sample(JNIEnv *env, long now) {
    jint count = 0;
    jthread *threads = NULL;
    if ((*jvmti)->GetAllThreads(jvmti, &count, &threads) != JVMTI_ERROR_NONE) {
        return -1;
    }
    if (count > sampled_capacity) {
        sampled_capacity = count * 2;
        sampled = realloc(sampled, sizeof *sampled * (size_t) sampled_capacity);
        asked = realloc(asked, sizeof *asked * (size_t) sampled_capacity);
    }
    int seen = 0, to_ask = 0, unpaired = 0;
    for (int i = 0; i < count; i++) {
        jthread thread = threads[i];
        if (!(*env)->IsSameObject(env, thread, self)) {
            traced *t = traced_of(thread);
            if (t == NULL) {
                /* started before the agent, or its ThreadStart has not run yet: whichever comes first adopts it */
                (*jvmti)->RawMonitorEnter(jvmti, threads_lock);
                t = traced_of(thread);
                if (t == NULL) {
                    t = adopt(env, thread, 0);
                }
                (*jvmti)->RawMonitorExit(jvmti, threads_lock);
            }
            if (!t->ended) {
                sampled[seen++] = t;
                if (t->shutdown_since != 0 && now - t->shutdown_since >= SHUTDOWN_GRACE_NANOS) {
                    t->shutdown_since = 0;
                    __atomic_store_n(&t->tid, main_tid, __ATOMIC_RELEASE);
                }
                check_name(env, thread, t, now);
                unpaired |= tid_of(t) == 0;
                jint jvmti_state = 0;
                if (tid_of(t) != 0 && (*jvmti)->GetThreadState(jvmti, thread, &jvmti_state) == JVMTI_ERROR_NONE) {
                    int state = java_state(jvmti_state);
                    if (jvmti_state & JVMTI_THREAD_STATE_PARKED) {
                        parked(env, thread, t, state, now);
                    } else if (state == BLOCKED) {
                        if (state != t->java_state || now - t->details_at >= DETAILS_REFRESH_NANOS) {
                            t->details_at = now;
                            asked[to_ask++] = t;
                        }
                    } else if (state == WAITING || state == TIMED_WAITING) {
                        waiting(env, thread, t, state, jvmti_state, now);
                    } else if (state != t->java_state) {
                        report(now, t, state, "", "", -1, NULL);
                    }
                }
            }
        }
        (*env)->DeleteLocalRef(env, thread);
    }
    (*jvmti)->Deallocate(jvmti, (unsigned char *) threads);
    if (unpaired && now - started < PAIR_BY_NAME_NANOS) {
        pair_by_names(sampled, seen, now);
    }
    blocked(env, asked, to_ask, sampled, seen, now);
    check_deadlock(env, sampled, seen, now);
    return seen;
}

/* The JVM runs virtual threads, which only the Java tracer follows: it takes over on this thread, for good. */
static void hand_over(JNIEnv *env) {
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_DISABLE, JVMTI_EVENT_THREAD_START, NULL);
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_DISABLE, JVMTI_EVENT_THREAD_END, NULL);
    flush();
    jint count = 0;
    jthread *threads = NULL;
    if ((*jvmti)->GetAllThreads(jvmti, &count, &threads) != JVMTI_ERROR_NONE) {
        return;
    }
    jlongArray ids = (*env)->NewLongArray(env, count);
    jlongArray tids = ids == NULL ? NULL : (*env)->NewLongArray(env, count);
    if (tids == NULL) {
        (*env)->ExceptionClear(env);
        count = 0; /* the Java tracer pairs the threads itself */
        ids = (*env)->NewLongArray(env, 0);
        tids = (*env)->NewLongArray(env, 0);
    }
    for (int i = 0; i < count; i++) {
        traced *t = traced_of(threads[i]);
        jlong java_id = t == NULL ? -1 : t->java_id;
        jlong tid = t == NULL ? 0 : t->tid;
        (*env)->SetLongArrayRegion(env, ids, i, 1, &java_id);
        (*env)->SetLongArrayRegion(env, tids, i, 1, &tid);
        (*env)->DeleteLocalRef(env, threads[i]);
    }
    (*jvmti)->Deallocate(jvmti, (unsigned char *) threads);
    (*env)->CallStaticVoidMethod(env, agent_class, continue_method, ids, tids);
    (*env)->ExceptionClear(env);
}

/* The time from one sample to the next, after one of this many threads that took this long (see COST_SHARE). */
static long next_tick(long tick, long took, int threads) {
    int many = threads > MANY_THREADS;
    long cost = took * (many ? (long) COST_SHARE * threads / MANY_THREADS : COST_SHARE);
    long max = many ? MANY_MAX_TICK_NANOS : MAX_TICK_NANOS;
    return tick > cost ? tick : (cost < max ? cost : max);
}

/* Waits until the monotonic clock reads next (see tick_cond); 0 once the JVM is dying. */
static int wait_until(long next) {
    struct timespec at = {next / 1000000000L, next % 1000000000L};
    pthread_mutex_lock(&tick_lock);
    while (!dying && pthread_cond_timedwait(&tick_cond, &tick_lock, &at) != ETIMEDOUT) {
    }
    int going = !dying;
    pthread_mutex_unlock(&tick_lock);
    return going;
}

static void JNICALL run(jvmtiEnv *env_jvmti, JNIEnv *env, void *unused) {
    char line[64];
    long tid = syscall(SYS_gettid);
    emit(line, snprintf(line, sizeof line, "T\t%ld\n", tid));
    const char *hz = getenv("THREADLAB_TRACE_HZ");
    long fast_tick = 1000000000L / (hz != NULL && atol(hz) >= 10 ? atol(hz) : 500);
    long next = nanos(), previous = 0;
    while (channel >= 0) {
        if (carriers_seen && continue_method != NULL) {
            hand_over(env);
            return;
        }
        long now = nanos();
        /* The agent's thread never returns to Java: every sample's local references are let go with its frame. */
        if ((*env)->PushLocalFrame(env, 64) != JNI_OK) {
            return;
        }
        int seen = sample(env, now);
        (*env)->PopLocalFrame(env, NULL);
        if (seen < 0) {
            return;
        }
        drain_safepoints();
        /* K for the sample before the last (JavaThreadTracer.mark explains why) */
        if (previous != 0 && previous - last_mark >= MARK_NANOS) {
            last_mark = previous;
            emit(line, snprintf(line, sizeof line, "K\t%ld\n", previous));
        }
        previous = now;
        if (send_soon || now - last_send >= SEND_EVERY_NANOS) {
            send_soon = 0;
            last_send = now;
            flush();
        }
        free_ended(env, now);
        long tick = now - last_change < FAST_FOR_NANOS ? fast_tick
                    : (fast_tick > SLOW_TICK_NANOS ? fast_tick : SLOW_TICK_NANOS);
        next += next_tick(tick, nanos() - now, seen);
        if (next - nanos() <= 0) {
            next = nanos();
        } else if (!wait_until(next)) {
            return;
        }
    }
}

/* Runs on the new thread: its OS thread, which the next sample describes it with before its first state. */
static void JNICALL thread_start(jvmtiEnv *env_jvmti, JNIEnv *env, jthread thread) {
    if (self == NULL || (*env)->IsSameObject(env, thread, self)) {
        return;
    }
    if (carrier_class != NULL && (*env)->IsInstanceOf(env, thread, carrier_class)) {
        carriers_seen = 1;
    }
    long tid = syscall(SYS_gettid);
    (*jvmti)->RawMonitorEnter(jvmti, threads_lock);
    traced *t = traced_of(thread);
    if (t == NULL) {
        t = adopt(env, thread, tid == main_tid ? 0 : tid);
    } else if (tid != main_tid) {
        __atomic_store_n(&t->tid, tid, __ATOMIC_RELEASE);
    }
    if (tid == main_tid) {
        t->shutdown_since = nanos(); /* see SHUTDOWN_GRACE_NANOS */
    }
    (*jvmti)->RawMonitorExit(jvmti, threads_lock);
}

/* The JVM ends (main returned, or System.exit): what the last samples found goes out before the socket closes. */
static void JNICALL vm_death(jvmtiEnv *env_jvmti, JNIEnv *env) {
    flush();
    pthread_mutex_lock(&tick_lock);
    dying = 1;
    pthread_cond_signal(&tick_cond);
    pthread_mutex_unlock(&tick_lock);
}

static void JNICALL thread_end(jvmtiEnv *env_jvmti, JNIEnv *env, jthread thread) {
    traced *t = traced_of(thread);
    if (t == NULL) {
        return;
    }
    long now = nanos();
    if (tid_of(t) != 0) {
        char line[64];
        emit(line, snprintf(line, sizeof line, "Q\t%ld\t%ld\n", now, tid_of(t)));
    }
    (*jvmti)->RawMonitorEnter(jvmti, buffer_lock);
    t->ended = 1;
    t->ended_at = now;
    t->next_ended = ended_list;
    ended_list = t;
    (*jvmti)->RawMonitorExit(jvmti, buffer_lock);
}

static void JNICALL send_native(JNIEnv *env, jclass type, jbyteArray bytes, jint offset, jint length) {
    char *data = malloc(length > 0 ? (size_t) length : 1);
    if (data == NULL || length < 0) {
        free(data);
        return;
    }
    (*env)->GetByteArrayRegion(env, bytes, offset, length, (jbyte *) data);
    if (!(*env)->ExceptionCheck(env)) {
        flush();
        send_all(data, (size_t) length);
    }
    free(data);
}

static jclass global_class(JNIEnv *env, const char *name) {
    jclass local = (*env)->FindClass(env, name);
    if (local == NULL) {
        (*env)->ExceptionClear(env);
        return NULL;
    }
    jclass global = (*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    return global;
}

/* The helpers in the tracer's jar (on the program's class path); without them, the rare parts are left out. */
static void find_helpers(JNIEnv *env) {
    agent_class = global_class(env, "dev/threadlab/tracer/NativeAgent");
    if (agent_class == NULL) {
        return;
    }
    JNINativeMethod send_method = {"send", "([BII)V", (void *) send_native};
    (*env)->RegisterNatives(env, agent_class, &send_method, 1);
    waits_method = (*env)->GetStaticMethodID(env, agent_class, "waits", "([J)Ljava/lang/String;");
    deadlock_method = (*env)->GetStaticMethodID(env, agent_class, "deadlock", "([J[JJ)Ljava/lang/String;");
    continue_method = (*env)->GetStaticMethodID(env, agent_class, "continueInJava", "([J[J)V");
    jfieldID active = (*env)->GetStaticFieldID(env, agent_class, "active", "Z");
    if (active != NULL) {
        (*env)->SetStaticBooleanField(env, agent_class, active, JNI_TRUE);
    }
    if ((*env)->ExceptionCheck(env)) {
        (*env)->ExceptionClear(env);
        waits_method = deadlock_method = continue_method = NULL;
    }
}

static int connect_launcher(const char *path) {
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (path == NULL || path[0] == '\0' || strlen(path) >= sizeof address.sun_path) {
        return -1;
    }
    strcpy(address.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *) &address, sizeof address) != 0) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/*
 * On the thread that will run main, before any of the program's code: the hello (H pid mainTid mainJavaId), which the
 * launcher believes as the first claim on this process, then the agent's own thread.
 */
static void JNICALL vm_init(jvmtiEnv *env_jvmti, JNIEnv *env, jthread main_thread) {
    jclass thread_class = (*env)->FindClass(env, "java/lang/Thread");
    name_field = (*env)->GetFieldID(env, thread_class, "name", "Ljava/lang/String;");
    tid_field = (*env)->GetFieldID(env, thread_class, "tid", "J");
    park_blocker_field = (*env)->GetFieldID(env, thread_class, "parkBlocker", "Ljava/lang/Object;");
    if ((*env)->ExceptionCheck(env) || name_field == NULL || tid_field == NULL || park_blocker_field == NULL) {
        (*env)->ExceptionClear(env);
        return; /* not a JDK this agent knows: no trace rather than a wrong one */
    }
    owner_class = global_class(env, "java/util/concurrent/locks/AbstractOwnableSynchronizer");
    if (owner_class != NULL) {
        owner_field = (*env)->GetFieldID(env, owner_class, "exclusiveOwnerThread", "Ljava/lang/Thread;");
        if (owner_field == NULL) {
            (*env)->ExceptionClear(env);
            owner_class = NULL;
        }
    }
    carrier_class = global_class(env, "jdk/internal/misc/CarrierThread");
    channel = connect_launcher(getenv("THREADLAB_TRACE_SOCKET"));
    if (channel < 0) {
        return;
    }
    pid = getpid();
    started = nanos();
    main_tid = syscall(SYS_gettid);
    traced *main = adopt(env, main_thread, main_tid);
    char line[128];
    int n = snprintf(line, sizeof line, "H\t%d\t%ld\t%lld\n", (int) pid, main_tid, (long long) main->java_id);
    send_all(line, (size_t) n);
    check_name(env, main_thread, main, started);
    find_helpers(env);
    jmethodID init = (*env)->GetMethodID(env, thread_class, "<init>", "(Ljava/lang/String;)V");
    jobject agent = (*env)->NewObject(env, thread_class, init, (*env)->NewStringUTF(env, "threadlab-trace"));
    if (agent == NULL) {
        (*env)->ExceptionClear(env);
        return;
    }
    if (agent_class != NULL) {
        jmethodID give_back = (*env)->GetStaticMethodID(env, agent_class, "giveBackId", "(Ljava/lang/Thread;)Z");
        if (give_back != NULL) {
            (*env)->CallStaticBooleanMethod(env, agent_class, give_back, agent);
        }
        (*env)->ExceptionClear(env);
    }
    self = (*env)->NewGlobalRef(env, agent);
    (*jvmti)->RunAgentThread(jvmti, agent, run, NULL, JVMTI_THREAD_MAX_PRIORITY);
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
    if ((*vm)->GetEnv(vm, (void **) &jvmti, JVMTI_VERSION_11) != JNI_OK) {
        return 0; /* tracing is best effort: the program runs untraced */
    }
    pthread_condattr_t monotonic;
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    pthread_cond_init(&tick_cond, &monotonic);
    jvmtiCapabilities capabilities = {0};
    capabilities.can_get_current_contended_monitor = 1;
    (*jvmti)->AddCapabilities(jvmti, &capabilities);
    (*jvmti)->CreateRawMonitor(jvmti, "threadlab-trace", &buffer_lock);
    (*jvmti)->CreateRawMonitor(jvmti, "threadlab-threads", &threads_lock);
    jvmtiEventCallbacks callbacks = {0};
    callbacks.VMInit = vm_init;
    callbacks.ThreadStart = thread_start;
    callbacks.ThreadEnd = thread_end;
    callbacks.VMDeath = vm_death;
    (*jvmti)->SetEventCallbacks(jvmti, &callbacks, sizeof callbacks);
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_INIT, NULL);
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_THREAD_START, NULL);
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_THREAD_END, NULL);
    (*jvmti)->SetEventNotificationMode(jvmti, JVMTI_ENABLE, JVMTI_EVENT_VM_DEATH, NULL);
    return 0;
}
