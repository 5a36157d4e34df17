// The timeline's hover text: what a slice, a merged run of slices, a process or a lock edge stands for.
// Names come from the learner's program, so everything is escaped before it becomes tooltip HTML.
import { format } from 'echarts/core';
import { STATE_LABELS } from './timeline-colors.js';
import { processTitle, threadTitle } from './timeline-lanes.js';
import { t } from './i18n.js';

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
  rows.push(t('tipState', { state: escape(STATE_LABELS[slice.state] || slice.state) })
    + (slice.javaState ? ` (Java: ${escape(slice.javaState)})` : ''));
  if (slice.step) rows.push(t('tipStep', { step: escape(slice.step) }));
  if (slice.on) rows.push(t('tipWaitsIn', { on: escape(slice.on) }));
  if (slice.lock) rows.push(t('tipLock', { lock: escape(slice.lock) }));
  if (slice.owner || slice.ownerTid) {
    rows.push(t('tipHeldBy', { owner: escape(slice.owner || '') + (slice.ownerTid ? ` (tid ${slice.ownerTid})` : '') }));
  }
  if (slice.cpu != null && slice.state === 'running') rows.push(`CPU: ${slice.cpu}`);
  if (slice.carrierTid != null) {
    rows.push(t('tipCarrier', { carrier: escape(threadTitle(model.threads.get(slice.carrierTid) || { tid: slice.carrierTid })) }));
  }
  if (slice.cause) rows.push(t('tipPausedBy', { cause: escape(slice.cause) }));
  if (slice.pinned) rows.push(t('tipPinned'));
  if (slice.mounted != null) {
    rows.push(t('tipRunsVirtual', { thread: escape(threadTitle(model.threads.get(slice.mounted) || { tid: slice.mounted })) }));
  }
  return rows.join('<br>') + '<br>' + timeLine(slice, model) + t('tipCpuTime', { ms: thread.cpuMs });
}

function timeLine(slice, model) {
  const end = slice.end ?? model.now;
  return t(slice.end == null ? 'tipFromGoing' : 'tipFrom', { start: ms(slice.start), length: ms(end - slice.start) }) + '<br>';
}

function mixText(ref, name, title) {
  const total = [...ref.time.values()].reduce((a, b) => a + b, 0) || 1;
  const shares = [...ref.time.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5)
    .map(([key, time]) => `${escape(name(key))}: ${Math.round((time / total) * 100)} %`);
  const head = title ? `<b>${escape(title)}</b>` : `<b>${escape(threadTitle(ref.thread))}</b>`;
  return `${head}<br>${t('tipMix', { count: ref.count })}<br>${shares.join('<br>')}`;
}

function groupText(ref) {
  const rows = Object.entries(ref.counts).sort((a, b) => b[1] - a[1])
    .map(([state, count]) => `${count} ${escape(STATE_LABELS[state] || state)}`);
  const alive = t(ref.virtual ? 'tipGroupVirtual' : 'tipGroupThreads', { count: ref.alive });
  return `<b>${escape(processTitle(ref.process))}</b><br>${alive}<br>${rows.join('<br>')}`
    + `<br><span class="muted">${t('tipGroupClick')}</span>`;
}

function processText(process, model) {
  const rows = [`<b>${escape(processTitle(process))}</b>`];
  if (process.ppid != null) {
    const parent = model.processes.get(process.ppid);
    rows.push(t('tipParent', { parent: `pid ${process.ppid}${parent ? ` (${escape(parent.name)})` : ''}` }));
  }
  if (process.command) rows.push(t('tipCommand', { command: `<code>${escape(process.command)}</code>` }));
  rows.push(process.end != null ? t('tipProcessEnded', { start: ms(process.start), length: ms(process.end - process.start) })
    : t('tipProcessRunning', { start: ms(process.start) }));
  rows.push(`${t('tipProcessThreads', { count: process.threads.length })} · <span class="muted">${t('tipProcessClick')}</span>`);
  return rows.join('<br>');
}

function edgeText(thread, slice) {
  return t('tipEdge', { thread: `<b>${escape(threadTitle(thread))}</b>`, lock: escape(slice.lock || t('tipALock')),
    owner: `<b>${escape(slice.owner || `tid ${slice.ownerTid}`)}</b>` });
}

/** µs → readable milliseconds. */
function ms(micros) {
  const millis = micros / 1000;
  return millis >= 100 ? `${Math.round(millis)} ms` : `${millis.toFixed(1)} ms`;
}
