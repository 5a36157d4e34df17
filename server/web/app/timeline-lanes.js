// Which lanes the timeline shows: per thread (grouped by process, child processes nested under their parent,
// big processes collapsed into one summary lane) or per CPU.

const INDENT = '\u00a0\u00a0\u00a0';

/**
 * Lanes of the thread view, top to bottom. Kinds: 'process' (a header with the process's lifetime), 'thread',
 * 'group' (all threads of a collapsed process in one lane).
 */
export function threadLanes(model, { showSystem, isCollapsed }) {
  const lanes = [];
  const visit = (process, depth) => {
    const threads = process.threads.filter((t) => showSystem || !t.system);
    const collapsed = isCollapsed(process, threads.length);
    lanes.push({
      key: `p${process.pid}`, kind: 'process', process, depth, collapsed,
      label: `${INDENT.repeat(depth)}${collapsed ? '▸' : '▾'} ${processTitle(process)}`,
    });
    if (collapsed) {
      lanes.push({
        key: `g${process.pid}`, kind: 'group', process, threads, depth: depth + 1,
        label: `${INDENT.repeat(depth + 1)}${threads.length} threads (collapsed)`,
      });
    } else {
      for (const thread of threads) {
        lanes.push({
          key: `t${thread.tid}`, kind: 'thread', thread, depth: depth + 1,
          label: `${INDENT.repeat(depth + 1)}${threadTitle(thread)}`,
        });
      }
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
  const traits = [thread.daemon && 'daemon', thread.virtual && 'virtual', thread.system && 'JVM'].filter(Boolean);
  return traits.length ? `${name} (${traits.join(', ')})` : name;
}
