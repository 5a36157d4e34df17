/*
 * An experiment, not the product's tracer: what sampling a JVM's Java threads costs when done by a native JVMTI agent
 * instead of the Java tracer (sandbox-tracer). It does the Java tracer's hot work: every thread's Java state at 500 Hz
 * (at most 1/50 of the time, as the Java tracer), its park blocker's class, the OS thread of every thread started after
 * the JVM (the ThreadStart event runs on the new thread), and lines written where the Java tracer sends its own. It
 * does not pair the JVM's first threads with their OS threads, name monitor owners, find deadlocks, or follow virtual
 * threads or safepoints. See README.md here for how it is built into an image and measured.
 *
 * Options (-agentpath:agent.so=...): "idle" loads it without the sampling thread; "hz=N" samples at N Hz.
 */
#include <jvmti.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/syscall.h>

typedef struct { long tid; jint state; jweak blocker; } Info;
static jvmtiEnv *jv;
static jfieldID parkBlocker;
static int out = -1;
static char buf[1 << 20];
static int len;
static jrawMonitorID lock;
static long tickNanos = 2000000; static int idle; static long ticks, busy;

static long nanos(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000000L + t.tv_nsec; }

static void describe(JNIEnv *env, jthread t, long tid) {
  jvmtiThreadInfo info;
  if ((*jv)->GetThreadInfo(jv, t, &info) != JVMTI_ERROR_NONE) return;
  char line[512];
  int n = snprintf(line, sizeof line, "J\t%ld\t%ld\t%d\t%s\n", nanos(), tid, info.is_daemon, info.name);
  (*jv)->RawMonitorEnter(jv, lock);
  if (len + n < (int) sizeof buf) { memcpy(buf + len, line, n); len += n; }
  (*jv)->RawMonitorExit(jv, lock);
  (*jv)->Deallocate(jv, (unsigned char *) info.name);
  if (info.thread_group) (*env)->DeleteLocalRef(env, info.thread_group);
  if (info.context_class_loader) (*env)->DeleteLocalRef(env, info.context_class_loader);
}

static void JNICALL threadStart(jvmtiEnv *j, JNIEnv *env, jthread t) {
  Info *info = calloc(1, sizeof *info);
  info->tid = syscall(SYS_gettid);
  info->state = -1;
  (*j)->SetThreadLocalStorage(j, t, info);
  describe(env, t, info->tid);
}

static void JNICALL sampler(jvmtiEnv *j, JNIEnv *env, void *arg) {
  long next = nanos();
  char line[512];
  for (;;) {
    jint n; jthread *threads;
    if ((*j)->GetAllThreads(j, &n, &threads) != JVMTI_ERROR_NONE) return;
    long now = nanos();
    for (int i = 0; i < n; i++) {
      Info *info = NULL;
      (*j)->GetThreadLocalStorage(j, threads[i], (void **) &info);
      if (info == NULL) {
        info = calloc(1, sizeof *info); info->state = -1;
        (*j)->SetThreadLocalStorage(j, threads[i], info);
        describe(env, threads[i], 0);
      }
      jint st = 0;
      (*j)->GetThreadState(j, threads[i], &st);
      jobject blocker = (st & JVMTI_THREAD_STATE_PARKED) ? (*env)->GetObjectField(env, threads[i], parkBlocker) : NULL;
      if (st != info->state || !(*env)->IsSameObject(env, blocker, info->blocker)) {
        info->state = st;
        if (info->blocker) (*env)->DeleteWeakGlobalRef(env, info->blocker);
        info->blocker = blocker ? (*env)->NewWeakGlobalRef(env, blocker) : NULL;
        char *sig = NULL;
        if (blocker) { jclass c = (*env)->GetObjectClass(env, blocker); (*j)->GetClassSignature(j, c, &sig, NULL); (*env)->DeleteLocalRef(env, c); }
        int k = snprintf(line, sizeof line, "S\t%ld\t%ld\t%d\t%s\n", now, info->tid, st, sig ? sig : "");
        if (sig) (*j)->Deallocate(j, (unsigned char *) sig);
        (*j)->RawMonitorEnter(j, lock);
        if (len + k < (int) sizeof buf) { memcpy(buf + len, line, k); len += k; }
        (*j)->RawMonitorExit(j, lock);
      }
      if (blocker) (*env)->DeleteLocalRef(env, blocker);
      (*env)->DeleteLocalRef(env, threads[i]);
    }
    (*j)->Deallocate(j, (unsigned char *) threads);
    (*j)->RawMonitorEnter(j, lock);
    if (len) { if (write(out, buf, len) < 0) {} len = 0; }
    (*j)->RawMonitorExit(j, lock);
    long cost = nanos() - now;
    ticks++; busy += cost;
    if ((ticks & 63) == 0) { int k = snprintf(line, sizeof line, "C\t%ld\t%ld\t%d\n", ticks, busy / ticks, n); if (write(out, line, k) < 0) {} }
    long tick = tickNanos; if (cost * 50 > tick) tick = cost * 50;
    next += tick;
    long wait = next - nanos();
    if (wait > 0) { struct timespec ts = { wait / 1000000000L, wait % 1000000000L }; nanosleep(&ts, NULL); } else next = nanos();
  }
}

static void JNICALL vmInit(jvmtiEnv *j, JNIEnv *env, jthread mainThread) {
  jclass threadClass = (*env)->FindClass(env, "java/lang/Thread");
  parkBlocker = (*env)->GetFieldID(env, threadClass, "parkBlocker", "Ljava/lang/Object;");
  jmethodID init = (*env)->GetMethodID(env, threadClass, "<init>", "(Ljava/lang/String;)V");
  jthread t = (*env)->NewObject(env, threadClass, init, (*env)->NewStringUTF(env, "threadlab-trace"));
  if (!idle) (*j)->RunAgentThread(j, t, sampler, NULL, JVMTI_THREAD_MAX_PRIORITY);
}

JNIEXPORT jint JNICALL Agent_OnLoad(JavaVM *vm, char *options, void *reserved) {
  if ((*vm)->GetEnv(vm, (void **) &jv, JVMTI_VERSION_11) != JNI_OK) return 1;
  char path[64]; snprintf(path, sizeof path, "/tmp/.agent-%d.log", getpid());
  out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  (*jv)->CreateRawMonitor(jv, "trace", &lock);
  if (options && strstr(options, "idle")) idle = 1;
  if (options && strstr(options, "hz=")) tickNanos = 1000000000L / atol(strstr(options, "hz=") + 3);
  jvmtiEventCallbacks cb; memset(&cb, 0, sizeof cb);
  cb.VMInit = vmInit; cb.ThreadStart = threadStart;
  (*jv)->SetEventCallbacks(jv, &cb, sizeof cb);
  (*jv)->SetEventNotificationMode(jv, JVMTI_ENABLE, JVMTI_EVENT_VM_INIT, NULL);
  (*jv)->SetEventNotificationMode(jv, JVMTI_ENABLE, JVMTI_EVENT_THREAD_START, NULL);
  return 0;
}
