// The timeline's hover text: what a slice, a merged run of slices, a process or a lock edge stands for.
// Names come from the learner's program, so everything is escaped before it becomes tooltip HTML.
import { format } from 'echarts/core';
import { STATE_LABELS } from './timeline-colors.js';
import { processTitle, threadTitle } from './timeline-lanes.js';

const escape = (value) => format.encodeHTML(String(value ?? ''));

export function describeItem(ref, model) {
  switch (ref.kind) {
    case 'slice': return sliceText(ref.thread, ref.slice, model);
    case 'mix': return mixText(ref, (state) => STATE_LABELS[state] || state);
    case 'group': return groupText(ref);
    case 'process': return processText(ref.process, model);
    case 'cpu': return `<b>CPU ${ref.cpu}</b><br>${threadLine(ref.thread)}${timeLine(ref.slice, model)}`;
    case 'cpu-mix': return mixText(ref, (tid) => threadTitle(model.threads.get(tid) || { tid }), `CPU ${ref.cpu}`);
    case 'edge': return edgeText(ref.thread, ref.slice);
    default: return '';
  }
}

function threadLine(thread) {
  return `${escape(threadTitle(thread))} <span class="muted">tid ${thread.tid} · pid ${thread.pid}</span><br>`;
}

function sliceText(thread, slice, model) {
  const rows = [`<b>${escape(threadTitle(thread))}</b> <span class="muted">tid ${thread.tid} · pid ${thread.pid}</span>`];
  rows.push(`State: ${escape(STATE_LABELS[slice.state] || slice.state)}${slice.javaState ? ` (Java: ${escape(slice.javaState)})` : ''}`);
  if (slice.on) rows.push(`Waits in: ${escape(slice.on)}`);
  if (slice.lock) rows.push(`Lock: ${escape(slice.lock)}`);
  if (slice.owner || slice.ownerTid) rows.push(`Held by: ${escape(slice.owner || '')}${slice.ownerTid ? ` (tid ${slice.ownerTid})` : ''}`);
  if (slice.cpu != null && slice.state === 'running') rows.push(`CPU: ${slice.cpu}`);
  if (slice.carrierTid != null) rows.push(`Carrier: ${escape(threadTitle(model.threads.get(slice.carrierTid) || { tid: slice.carrierTid }))}`);
  if (slice.cause) rows.push(`Paused by: ${escape(slice.cause)}`);
  if (slice.pinned) rows.push('Pinned: it waits without leaving its carrier, which waits with it');
  if (slice.mounted != null) rows.push(`Runs virtual thread: ${escape(threadTitle(model.threads.get(slice.mounted) || { tid: slice.mounted }))}`);
  return rows.join('<br>') + '<br>' + timeLine(slice, model) + `CPU time of the thread: ${thread.cpuMs} ms`;
}

function timeLine(slice, model) {
  const end = slice.end ?? model.now;
  return `From ${ms(slice.start)} for ${ms(end - slice.start)}${slice.end == null ? ' (still going)' : ''}<br>`;
}

function mixText(ref, name, title) {
  const total = [...ref.time.values()].reduce((a, b) => a + b, 0) || 1;
  const shares = [...ref.time.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5)
    .map(([key, time]) => `${escape(name(key))}: ${Math.round((time / total) * 100)} %`);
  const head = title ? `<b>${escape(title)}</b>` : `<b>${escape(threadTitle(ref.thread))}</b>`;
  return `${head}<br>${ref.count} short slices, too narrow to draw one by one — zoom in to see them.<br>${shares.join('<br>')}`;
}

function groupText(ref) {
  const rows = Object.entries(ref.counts).sort((a, b) => b[1] - a[1])
    .map(([state, count]) => `${count} ${escape(STATE_LABELS[state] || state)}`);
  const what = ref.virtual ? 'virtual threads with lanes' : 'threads';
  return `<b>${escape(processTitle(ref.process))}</b><br>${ref.alive} ${what} at this moment:<br>${rows.join('<br>')}`
    + '<br><span class="muted">Click to show one lane per thread.</span>';
}

function processText(process, model) {
  const rows = [`<b>${escape(processTitle(process))}</b>`];
  if (process.ppid != null) {
    const parent = model.processes.get(process.ppid);
    rows.push(`Parent: pid ${process.ppid}${parent ? ` (${escape(parent.name)})` : ''}`);
  }
  if (process.command) rows.push(`Command: <code>${escape(process.command)}</code>`);
  rows.push(`Started at ${ms(process.start)}${process.end != null ? `, ended after ${ms(process.end - process.start)}` : ', still running'}`);
  rows.push(`${process.threads.length} threads · <span class="muted">click the name to collapse or expand</span>`);
  return rows.join('<br>');
}

function edgeText(thread, slice) {
  return `<b>${escape(threadTitle(thread))}</b> waits for ${escape(slice.lock || 'a lock')}<br>`
    + `held by <b>${escape(slice.owner || `tid ${slice.ownerTid}`)}</b>`;
}

/** µs → readable milliseconds. */
function ms(micros) {
  const millis = micros / 1000;
  return millis >= 100 ? `${Math.round(millis)} ms` : `${millis.toFixed(1)} ms`;
}
