// What the timeline draws for the visible time window: one item per slice, except that slices narrower than a
// pixel are merged (coloured by the state they spent most time in), so a 10 s run with 100 busy threads still
// draws a few thousand rectangles, not hundreds of thousands.
import { STATES, firstSliceEndingAfter, sliceAt } from './trace-model.js';

const MAX_EDGES = 400;
const GROUP_BUCKET_PX = 3;

/**
 * items[i] = [lane, startMs, endMs] for the chart; refs[i] says what item i is (for colour, label and tooltip).
 * edges[i] = [xMs, fromLane, toLane], from a waiting thread to the lock's owner; edgeRefs[i] likewise.
 */
export function buildItems(model, lanes, window) {
  const out = { items: [], refs: [], edges: [], edgeRefs: [] };
  const minWidth = (window.to - window.from) / Math.max(window.pixels, 1);
  const context = { model, window, minWidth, out };
  if (lanes.length && lanes[0].kind === 'cpu') {
    cpuItems(context, lanes);
    return out;
  }
  const laneOfTid = new Map();
  lanes.forEach((lane, index) => {
    if (lane.kind === 'thread') laneOfTid.set(lane.thread.tid, index);
    if (lane.kind === 'group') lane.threads.forEach((t) => laneOfTid.set(t.tid, index));
  });
  lanes.forEach((lane, index) => {
    if (lane.kind === 'process') processItem(context, lane, index);
    else if (lane.kind === 'thread') threadItems(context, lane, index, laneOfTid);
    else if (lane.kind === 'group') groupItems(context, lane, index);
  });
  return out;
}

function push(out, lane, start, end, ref) {
  out.items.push([lane, start / 1000, end / 1000]);
  out.refs.push(ref);
}

function processItem({ model, window, out }, lane, index) {
  const process = lane.process;
  const start = Math.max(process.start, window.from);
  const end = Math.min(process.end ?? model.now, window.to);
  if (end > start) push(out, index, start, end, { kind: 'process', process });
}

function threadItems({ model, window, minWidth, out }, lane, index, laneOfTid) {
  const thread = lane.thread;
  const intervals = windowSlices(thread, model.now, window);
  coalesce(intervals, window, minWidth, (start, end, slice, mix) => {
    push(out, index, start, end, slice ? { kind: 'slice', thread, slice } : { kind: 'mix', thread, ...mix });
  });
  for (const { start, end, slice } of intervals) {
    const ownerLane = slice.ownerTid != null ? laneOfTid.get(slice.ownerTid) : undefined;
    if (ownerLane === undefined || ownerLane === index || out.edges.length >= MAX_EDGES) continue;
    if (end - start < minWidth * 4) continue;
    out.edges.push([(start + minWidth * 2) / 1000, index, ownerLane]);
    out.edgeRefs.push({ kind: 'edge', thread, slice });
  }
}

/** A collapsed process: per few pixels, how many of its threads were in each state, stacked. */
function groupItems({ window, out }, lane, index) {
  const buckets = Math.max(1, Math.floor(window.pixels / GROUP_BUCKET_PX));
  const width = (window.to - window.from) / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = window.from + b * width;
    const middle = start + width / 2;
    const counts = {};
    let alive = 0;
    for (const thread of lane.threads) {
      const slice = sliceAt(thread, middle);
      if (!slice) continue;
      counts[slice.state] = (counts[slice.state] || 0) + 1;
      alive++;
    }
    if (!alive) continue;
    let below = 0;
    for (const state of STATES) {
      const count = counts[state];
      if (!count) continue;
      push(out, index, start, start + width, {
        kind: 'group', process: lane.process, laneKey: lane.key, virtual: lane.toggle.startsWith('v'), state, counts,
        alive, from: below / alive, to: (below + count) / alive,
      });
      below += count;
    }
  }
}

/**
 * The CPU view: every running slice, in the lane of the CPU it ran on. A carrier's slice is drawn as the virtual
 * thread it ran (virtual threads' own lanes repeat their carriers' slices, so they are not drawn twice).
 */
function cpuItems({ model, window, minWidth, out }, lanes) {
  const perCpu = lanes.map(() => []);
  for (const thread of model.threads.values()) {
    if (thread.virtual) continue;
    for (const interval of windowSlices(thread, model.now, window)) {
      const cpu = interval.slice.cpu;
      if (interval.slice.state === 'running' && cpu != null && perCpu[cpu]) {
        const ran = (interval.slice.mounted != null && model.threads.get(interval.slice.mounted)) || thread;
        perCpu[cpu].push({ ...interval, key: ran.tid, thread: ran });
      }
    }
  }
  perCpu.forEach((intervals, index) => {
    intervals.sort((a, b) => a.start - b.start);
    const threadOf = new Map(intervals.map((i) => [i.key, i.thread]));
    coalesce(intervals, window, minWidth, (start, end, slice, mix, interval) => {
      push(out, index, start, end, slice
        ? { kind: 'cpu', thread: interval.thread, slice, cpu: index }
        : { kind: 'cpu-mix', thread: threadOf.get(mix.dominant), cpu: index, ...mix });
    });
  });
}

/** The thread's slices that overlap the window, clipped to it; open slices last until `now`. */
function windowSlices(thread, now, window) {
  const result = [];
  const slices = thread.slices;
  for (let i = firstSliceEndingAfter(thread, window.from); i < slices.length; i++) {
    const slice = slices[i];
    if (slice.start >= window.to) break;
    const start = Math.max(slice.start, window.from);
    const end = Math.min(slice.end ?? now, window.to);
    if (end > start) result.push({ start, end, slice, key: slice.state });
  }
  return result;
}

/**
 * Emits intervals at least minWidth wide as they are; merges runs of narrower neighbours into one item that
 * records how long each key (state, or thread in the CPU view) lasted in it.
 */
function coalesce(intervals, window, minWidth, emit) {
  let run = null;
  const flush = () => {
    if (!run) return;
    if (run.count === 1) {
      emit(run.start, run.end, run.first.slice, null, run.first);
    } else {
      let dominant = null;
      for (const [key, time] of run.time) {
        if (dominant === null || time > run.time.get(dominant)) dominant = key;
      }
      emit(run.start, run.end, null, { dominant, time: run.time, count: run.count, state: dominant }, run.first);
    }
    run = null;
  };
  for (const interval of intervals) {
    const width = interval.end - interval.start;
    if (width >= minWidth) {
      flush();
      emit(interval.start, interval.end, interval.slice, null, interval);
      continue;
    }
    if (run && interval.start - run.end > minWidth) flush();
    if (!run) run = { start: interval.start, end: interval.end, count: 0, time: new Map(), first: interval };
    run.end = Math.max(run.end, interval.end);
    run.count++;
    run.time.set(interval.key, (run.time.get(interval.key) || 0) + width);
    if (run.end - run.start >= minWidth) flush();
  }
  flush();
}
