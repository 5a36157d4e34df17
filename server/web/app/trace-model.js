// The run's scheduling trace as the timeline needs it: processes, their threads, and each thread's state slices.
// Built incrementally from the {"type":"trace"} batches of the run's WebSocket (event contract: TraceEvent.java).

export const STATES = ['running', 'ready', 'blocked', 'waiting', 'sleeping', 'io', 'stopped', 'paused', 'starting', 'unknown'];

export class TraceModel {
  constructor() {
    this.reset();
  }

  reset() {
    /**
     * pid → { pid, ppid, name, command, start, end, threads: [], virtualCounts } (times in µs since the program
     * started; virtualCounts: the latest count of its virtual threads, of which at most a few hundred have lanes)
     */
    this.processes = new Map();
    /**
     * tid → { pid, tid, name, javaId, daemon, virtual, system, carrier, start, end, cpuMs, slices: [] }. A virtual
     * thread's tid is negative (it has no OS thread); a carrier is a platform thread that virtual threads ran on.
     */
    this.threads = new Map();
    this.now = 0;
    this.cpus = 0;
    this.maxCpu = -1;
    this.deadlock = null;
    this.notes = [];
    this.eventCount = 0;
  }

  add(events) {
    for (const event of events) {
      this.apply(event);
    }
  }

  /** Closes every open slice at the program's end, so durations stop growing. */
  end() {
    for (const thread of this.threads.values()) {
      closeSlice(thread, this.now);
    }
  }

  apply(e) {
    this.eventCount++;
    if (e.t > this.now) this.now = e.t;
    switch (e.kind) {
      case 'meta':
        this.cpus = e.cpus || 0;
        break;
      case 'process': {
        const process = this.process(e.pid, e.t);
        if (e.ppid != null) process.ppid = e.ppid;
        if (e.name != null) process.name = e.name;
        if (e.command != null) process.command = e.command;
        break;
      }
      case 'process-end': {
        const process = this.process(e.pid, e.t);
        process.end = e.t;
        for (const thread of process.threads) {
          closeSlice(thread, e.t);
          if (thread.end == null) thread.end = e.t;
        }
        break;
      }
      case 'thread': {
        const thread = this.thread(e.pid, e.tid, e.t);
        for (const key of ['name', 'javaId', 'daemon', 'virtual', 'carrier', 'system']) {
          if (e[key] != null) thread[key] = e[key];
        }
        break;
      }
      case 'state': {
        const thread = this.thread(e.pid, e.tid, e.t);
        closeSlice(thread, e.t);
        thread.slices.push({
          start: e.t, end: null, state: e.state, cpu: e.cpu, javaState: e.javaState, on: e.on, lock: e.lock,
          ownerTid: e.ownerTid, owner: e.owner, carrierTid: e.carrierTid, pinned: e.pinned, mounted: e.mounted, cause: e.cause,
          step: e.message,
        });
        if (e.cpuMs != null) thread.cpuMs = e.cpuMs;
        if (e.state === 'running' && e.cpu > this.maxCpu) this.maxCpu = e.cpu;
        break;
      }
      case 'thread-end': {
        const thread = this.thread(e.pid, e.tid, e.t);
        closeSlice(thread, e.t);
        thread.end = e.t;
        if (e.cpuMs != null) thread.cpuMs = e.cpuMs;
        break;
      }
      case 'deadlock':
        this.deadlock = e;
        break;
      case 'virtual-threads':
        this.process(e.pid, e.t).virtualCounts = e.virtualThreads;
        break;
      case 'note':
        this.notes.push(e.message);
        break;
    }
  }

  /** How many CPUs the view needs lanes for: the container's count, or more if the kernel used others. */
  cpuCount() {
    return Math.max(this.cpus, this.maxCpu + 1);
  }

  /** The processes as a forest: roots are those whose parent is not part of the run. */
  roots() {
    return [...this.processes.values()].filter((p) => !this.processes.has(p.ppid));
  }

  children(process) {
    return [...this.processes.values()].filter((p) => p.ppid === process.pid && p !== process);
  }

  process(pid, t) {
    let process = this.processes.get(pid);
    if (!process) {
      process = { pid, ppid: null, name: '', command: '', start: t, end: null, threads: [] };
      this.processes.set(pid, process);
    }
    return process;
  }

  thread(pid, tid, t) {
    let thread = this.threads.get(tid);
    if (!thread) {
      thread = {
        pid, tid, name: '', javaId: null, daemon: false, virtual: false, system: false, start: t, end: null,
        cpuMs: 0, slices: [],
      };
      this.threads.set(tid, thread);
      this.process(pid, t).threads.push(thread);
    }
    return thread;
  }
}

function closeSlice(thread, t) {
  const last = thread.slices[thread.slices.length - 1];
  if (last && last.end == null) last.end = Math.max(t, last.start);
}

/** The slice of the thread at time t (µs), or null: binary search over the ordered slices. */
export function sliceAt(thread, t) {
  const slices = thread.slices;
  let low = 0;
  let high = slices.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (slices[mid].start <= t) low = mid + 1;
    else high = mid - 1;
  }
  const slice = slices[high];
  return slice && (slice.end == null || slice.end > t) ? slice : null;
}

/** Index of the first slice that ends after t: where a window starting at t begins. */
export function firstSliceEndingAfter(thread, t) {
  const slices = thread.slices;
  let low = 0;
  let high = slices.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const end = slices[mid].end;
    if (end != null && end <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}
