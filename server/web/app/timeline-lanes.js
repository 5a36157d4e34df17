// Which lanes the timeline shows: per thread (grouped by process, child processes nested under their parent,
// big processes collapsed into one summary lane) or per CPU.

import { t } from './i18n.js';

const INDENT = '\u00a0\u00a0\u00a0';

/**
 * Lanes of the thread view, top to bottom. Kinds: 'process' (a header with the process's lifetime), 'thread',
 * 'group' (several threads in one summary lane: a collapsed process's platform threads, or its virtual threads).
 * isCollapsed(key, count) decides for `p<pid>` (the platform threads) and `v<pid>` (the virtual threads).
 */
export function threadLanes(model, { showSystem, isCollapsed }) {
  const lanes = [];
  const visit = (process, depth) => {
    const shown = process.threads.filter((t) => showSystem || !t.system);
    const platform = shown.filter((t) => !t.virtual);
    const virtual = shown.filter((t) => t.virtual);
    const collapsed = isCollapsed(`p${process.pid}`, platform.length);
    lanes.push({
      key: `p${process.pid}`, kind: 'process', process, depth, collapsed, toggle: `p${process.pid}`,
      label: `${INDENT.repeat(depth)}${collapsed ? '▸' : '▾'} ${processTitle(process)}`,
    });
    addThreads(lanes, process, platform, depth + 1, collapsed, `p${process.pid}`,
      t('laneCollapsed', { count: platform.length }));
    if (virtual.length) {
      addThreads(lanes, process, virtual, depth + 1, isCollapsed(`v${process.pid}`, virtual.length),
        `v${process.pid}`, virtualGroupLabel(process, virtual.length));
    }
    for (const child of model.children(process).sort((a, b) => a.start - b.start)) {
      visit(child, depth + 1);
    }
  };
  for (const root of model.roots().sort((a, b) => a.start - b.start)) {
    visit(root, 0);
  }
  return lanes;
}

function addThreads(lanes, process, threads, depth, collapsed, toggle, groupLabel) {
  if (collapsed) {
    lanes.push({
      key: `g${toggle}`, kind: 'group', process, threads, depth, toggle,
      label: `${INDENT.repeat(depth)}${groupLabel}`,
    });
    return;
  }
  for (const thread of threads) {
    lanes.push({
      key: `t${thread.tid}`, kind: 'thread', thread, depth,
      label: `${INDENT.repeat(depth)}${threadTitle(thread)}`,
    });
  }
}

/** "10000 virtual threads (256 drawn)": past a few hundred alive at once, only the first ones get lanes. */
function virtualGroupLabel(process, drawn) {
  const live = process.virtualCounts?.live ?? 0;
  return live > drawn ? t('laneVirtualDrawn', { live, drawn }) : t('laneVirtualCollapsed', { count: drawn });
}

/** Lanes of the CPU view: one per CPU the container may use (or the kernel ran it on). */
export function cpuLanes(model) {
  const lanes = [];
  for (let cpu = 0; cpu < model.cpuCount(); cpu++) {
    lanes.push({ key: `c${cpu}`, kind: 'cpu', cpu, depth: 0, label: `CPU ${cpu}` });
  }
  return lanes;
}

export function processTitle(process) {
  const program = mainClassOf(process.command);
  return `${program ? `${process.name || 'java'} ${program}` : process.name || 'process'} · pid ${process.pid}`;
}

// Options of the java launcher that take a separate value.
const JAVA_OPTIONS_WITH_VALUE = new Set(['-cp', '-classpath', '--class-path', '-p', '--module-path',
  '--add-modules', '--add-opens', '--add-exports', '--add-reads', '--enable-native-access']);

/** The main class (or -jar file) a java command line runs, so a learner tells parent and child JVMs apart. */
function mainClassOf(command) {
  if (!command) return null;
  const words = command.trim().split(/\s+/);
  if (!/(^|\/)java$/.test(words[0])) return null;
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    if (word === '-jar' || word === '-m' || word === '--module') return words[i + 1] || null;
    if (JAVA_OPTIONS_WITH_VALUE.has(word)) i++;
    else if (!word.startsWith('-')) return words.slice(i, i + 2).join(' ');
  }
  return null;
}

export function threadTitle(thread) {
  const name = thread.name || `tid ${thread.tid}`;
  const traits = [thread.virtual ? t('traitVirtual') : thread.daemon && t('traitDaemon'), thread.carrier && t('traitCarrier'),
    thread.system && 'JVM'].filter(Boolean);
  return traits.length ? `${name} (${traits.join(', ')})` : name;
}
