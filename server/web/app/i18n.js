// The page chrome's words in the page's language (<html lang>, chosen by the server). Lessons bring their own text.
// The server's own sentences (check results, refusals, why a run stopped) arrive as a message key with arguments;
// their texts in the page's language are in the page (#server-messages, from messages/server*.properties).

const MESSAGES = {
  en: {
    queued: 'Waiting for a free sandbox…', queuedAt: 'Waiting for a free sandbox (position {position})…',
    compiling: 'Compiling…', running: 'Running…', finished: 'Finished', compileError: 'Compilation failed',
    timedOut: 'Stopped: time limit reached', memoryLimit: 'Stopped: out of memory', outputLimit: 'Stopped: too much output',
    deadlock: 'Stopped: deadlock', cancelled: 'Stopped', error: 'Could not run', exitCode: 'exit code {code}',
    run: 'Run', runTitle: 'Run ({mod}+Enter)', stop: 'Stop', stopTitle: 'Stop the program ({mod}+Enter)',
    reset: 'Reset', resetTitle: 'Put the starter code back (Ctrl+Z in the editor undoes it)',
    resetDone: 'Starter code restored. Ctrl+Z in the editor brings your code back.',
    draftRestored: 'Your edits from last time are back. Reset restores the starter code.',
    editorLabel: 'Java code editor', outputPlaceholder: 'The program\'s output appears here.',
    inputLabel: 'Input for the running program', stopping: 'Stopping…', submitting: 'Submitting…',
    hint: '{mod}+Enter runs the program', trace: 'Trace', traceTitle: 'Record which thread ran on which CPU, and what each one waited for',
    jdkTitle: 'The JDK the program is compiled for and runs on',
    submit: 'Submit', submitTitle: 'Grade this code against the exercise\'s checks', grading: 'Grading…',
    output: 'Program output', inputPlaceholder: 'Type input for the running program and press Enter',
    endInput: 'End input', endInputTitle: 'Close the program\'s stdin (end of file)', disconnected: 'Disconnected',
    connectionLost: '[Connection to the server lost]',
    gradingPanel: 'Grading', gradingQueued: 'Waiting for the grader…', gradingRunning: 'Grading: running your code against the checks…',
    cannotGrade: 'Could not grade: {message}', score: 'Score {score} / {max}', allPass: ' — all checks pass',
    hints: 'Hints', lockedHint: '1 more hint unlocks after further attempts.', lockedHints: '{count} more hints unlock after further attempts.',
    submissions: 'Your submissions ({count})', open: 'Open', openTitle: 'Put this submission\'s code back in the editor and show its result',
    traceTitleText: 'Scheduling trace', lanes: 'Lanes', threads: 'Threads', threadsTitle: 'One lane per thread, grouped by process',
    cpus: 'CPUs', cpusTitle: 'One lane per CPU: which thread ran on it', jvmThreads: 'JVM threads',
    jvmThreadsTitle: 'Also show the JVM\'s own threads (GC, JIT compiler, …)', follow: 'Follow',
    followTitle: 'Keep the newest part of the trace in view while the program runs', enlarge: 'Enlarge', shrink: 'Shrink',
    enlargeTitle: 'Show the timeline over the whole page (Esc shrinks it again)', download: 'Download trace',
    downloadTitle: 'Chrome trace-event JSON: open it in ui.perfetto.dev or chrome://tracing',
    cpuLegend: 'Each colour is one thread; hover a slice to see which. Gaps: the CPU ran something else, or nothing.',
    edgeLegend: '┆▸ waits for the lock held by', cpuNumberLegend: 'number on a running slice: the CPU',
    running_state: 'running on a CPU', ready_state: 'ready, waiting for a CPU', blocked_state: 'blocked on a lock',
    waiting_state: 'waiting (wait, join, park)', sleeping_state: 'sleeping', io_state: 'waiting for I/O', stopped_state: 'stopped', paused_state: 'paused by the JVM (garbage collection)', starting_state: 'starting (no Java code of it has run yet)', unknown_state: 'not known yet',
    // For a logged-in learner: drafts on the server, the last kept run, Submit, an exercise's due date.
    draftReplaced: 'This draft was also changed in another tab; your version was saved over it.', dismiss: 'Dismiss',
    lastRun: 'Last run {time}', logInToSubmit: 'Log in to submit', submitNeedsLogin: 'Grading needs an account: log in first',
    deadline: 'Due {due} ({className})', lateWindow: '{percent} % until {until}, then 0', noLate: 'nothing after that',
    // The timeline's hover texts, summary line and lane labels ({…} values are escaped HTML).
    tipStep: 'Step: {step}',
    showInterleaving: 'Show the schedule that broke it',
    hideInterleaving: 'Hide the schedule',
    interleavingNote: 'The controlled scheduler replayed this schedule: each slice is one step it let a thread take, in order (time here counts steps). The last steps are where it broke.',
    interleavingUnavailable: 'The schedule could not be loaded ({status}).',
    tipState: 'State: {state}', tipWaitsIn: 'Waits in: {on}', tipLock: 'Lock: {lock}', tipHeldBy: 'Held by: {owner}',
    tipCarrier: 'Carrier: {carrier}', tipPausedBy: 'Paused by: {cause}',
    tipPinned: 'Pinned: it waits without leaving its carrier, which waits with it',
    tipRunsVirtual: 'Runs virtual thread: {thread}', tipCpuTime: 'CPU time of the thread: {ms} ms',
    tipFrom: 'From {start} for {length}', tipFromGoing: 'From {start} for {length} (still going)',
    tipMix: '{count} short slices, too narrow to draw one by one — zoom in to see them.',
    tipGroupThreads: '{count} threads at this moment:', tipGroupVirtual: '{count} virtual threads with lanes at this moment:',
    tipGroupClick: 'Click to show one lane per thread.', tipParent: 'Parent: {parent}', tipCommand: 'Command: {command}',
    tipProcessEnded: 'Started at {start}, ended after {length}', tipProcessRunning: 'Started at {start}, still running',
    tipProcessThreads: '{count} threads', tipProcessClick: 'click the name to collapse or expand',
    tipEdge: '{thread} waits for {lock}<br>held by {owner}', tipALock: 'a lock',
    summaryWaiting: 'waiting for the first events…', summaryNoEvents: 'no events were recorded',
    summaryProcess: '{count} process', summaryProcesses: '{count} processes', summaryThreads: '{count} threads',
    summaryCpus: '{count} CPUs', summaryLabel: 'Scheduling timeline: {parts}',
    laneCollapsed: '{count} threads (collapsed)', laneVirtualDrawn: '{live} virtual threads ({drawn} drawn)',
    laneVirtualCollapsed: '{count} virtual threads (collapsed)', traitVirtual: 'virtual', traitDaemon: 'daemon',
    traitCarrier: 'carrier',
    unreachable: 'The server cannot be reached. Check your connection and try again.',
    refusedRun: 'The server refused the run (HTTP {status}).', refusedSubmission: 'The server refused the submission (HTTP {status}).',
    refused: 'The server refused (HTTP {status}).', severityError: 'error', severityWarning: 'warning',
  },
  'zh-CN': {
    queued: '正在等待空闲的沙箱…', queuedAt: '正在等待空闲的沙箱（排在第 {position} 位）…',
    compiling: '正在编译…', running: '正在运行…', finished: '已结束', compileError: '编译失败',
    timedOut: '已停止：超出时间限制', memoryLimit: '已停止：内存不足', outputLimit: '已停止：输出过多',
    deadlock: '已停止：死锁', cancelled: '已停止', error: '无法运行', exitCode: '退出码 {code}',
    run: '运行', runTitle: '运行（{mod}+Enter）', stop: '停止', stopTitle: '停止程序（{mod}+Enter）',
    reset: '重置', resetTitle: '恢复初始代码（在编辑器中按 Ctrl+Z 可撤销）',
    resetDone: '已恢复初始代码。在编辑器中按 Ctrl+Z 可找回你的代码。',
    draftRestored: '已恢复你上次的修改。点“重置”可恢复初始代码。',
    editorLabel: 'Java 代码编辑器', outputPlaceholder: '程序的输出会显示在这里。',
    inputLabel: '发给正在运行的程序的输入', stopping: '正在停止…', submitting: '正在提交…',
    hint: '按 {mod}+Enter 运行程序', trace: '调度轨迹', traceTitle: '记录每个线程在哪个 CPU 上运行、各自在等待什么',
    jdkTitle: '编译和运行程序所用的 JDK',
    submit: '提交', submitTitle: '用本练习的检查项为这段代码评分', grading: '评分中…',
    output: '程序输出', inputPlaceholder: '输入要发给正在运行的程序的内容，按回车发送',
    endInput: '结束输入', endInputTitle: '关闭程序的标准输入（文件结束）', disconnected: '连接已断开',
    connectionLost: '[与服务器的连接已断开]',
    gradingPanel: '评分', gradingQueued: '正在等待评分…', gradingRunning: '评分中：正在用各项检查运行你的代码…',
    cannotGrade: '无法评分：{message}', score: '得分 {score} / {max}', allPass: ' —— 全部检查通过',
    hints: '提示', lockedHint: '再尝试几次，还会解锁 1 条提示。', lockedHints: '再尝试几次，还会解锁 {count} 条提示。',
    submissions: '你的提交（{count}）', open: '打开', openTitle: '把这次提交的代码放回编辑器，并显示它的结果',
    traceTitleText: '调度轨迹', lanes: '泳道', threads: '线程', threadsTitle: '每个线程一条泳道，按进程分组',
    cpus: 'CPU', cpusTitle: '每个 CPU 一条泳道：显示哪个线程在上面运行', jvmThreads: 'JVM 线程',
    jvmThreadsTitle: '同时显示 JVM 自己的线程（GC、JIT 编译器等）', follow: '跟随',
    followTitle: '程序运行时始终显示轨迹的最新部分', enlarge: '放大', shrink: '缩小',
    enlargeTitle: '让时间线铺满整个页面（按 Esc 还原）', download: '下载轨迹',
    downloadTitle: 'Chrome 跟踪事件格式（JSON）：可在 ui.perfetto.dev 或 chrome://tracing 中打开',
    cpuLegend: '每种颜色代表一个线程，鼠标悬停可查看是哪个线程。空白处：CPU 在运行别的程序，或处于空闲。',
    edgeLegend: '┆▸ 正在等待被它持有的锁', cpuNumberLegend: '运行片段上的数字：CPU 编号',
    running_state: '在 CPU 上运行', ready_state: '就绪，等待 CPU', blocked_state: '阻塞在锁上',
    waiting_state: '等待（wait、join、park）', sleeping_state: '休眠', io_state: '等待 I/O', stopped_state: '已暂停', paused_state: '被 JVM 暂停（垃圾回收）', starting_state: '启动中（尚未执行其 Java 代码）', unknown_state: '尚未知晓',
    draftReplaced: '这份草稿也在另一个标签页中改过；已用你的版本覆盖。', dismiss: '关闭',
    lastRun: '上次运行 {time}', logInToSubmit: '登录后提交', submitNeedsLogin: '评分需要账户：请先登录',
    deadline: '截止时间 {due}（{className}）', lateWindow: '此后至 {until} 按 {percent}% 计分，再往后为 0', noLate: '逾期不计分',
    tipStep: '步骤：{step}',
    showInterleaving: '查看出错的那种调度',
    hideInterleaving: '隐藏调度',
    interleavingNote: '受控调度器重放了这种调度：每一段是它让某个线程执行的一步，按先后排列（这里的时间轴按步数计）。最后几步就是出错的地方。',
    interleavingUnavailable: '无法加载这种调度（{status}）。',
    tipState: '状态：{state}', tipWaitsIn: '等待位置：{on}', tipLock: '锁：{lock}', tipHeldBy: '持有者：{owner}',
    tipCarrier: '载体线程：{carrier}', tipPausedBy: '暂停原因：{cause}',
    tipPinned: '被钉住：它在等待时不离开载体线程，载体线程也跟着它一起等待',
    tipRunsVirtual: '正在运行虚拟线程：{thread}', tipCpuTime: '该线程的 CPU 时间：{ms} 毫秒',
    tipFrom: '从 {start} 开始，持续 {length}', tipFromGoing: '从 {start} 开始，已持续 {length}（仍在继续）',
    tipMix: '{count} 个很短的片段，窄得无法逐个画出——放大即可看到。',
    tipGroupThreads: '此刻有 {count} 个线程：', tipGroupVirtual: '此刻有 {count} 个带泳道的虚拟线程：',
    tipGroupClick: '点击后每个线程显示一条泳道。', tipParent: '父进程：{parent}', tipCommand: '命令：{command}',
    tipProcessEnded: '在 {start} 启动，{length} 后结束', tipProcessRunning: '在 {start} 启动，仍在运行',
    tipProcessThreads: '{count} 个线程', tipProcessClick: '点击名称可折叠或展开',
    tipEdge: '{thread} 在等待 {lock}<br>持有者是 {owner}', tipALock: '一把锁',
    summaryWaiting: '正在等待第一批事件…', summaryNoEvents: '没有记录到任何事件',
    summaryProcess: '{count} 个进程', summaryProcesses: '{count} 个进程', summaryThreads: '{count} 个线程',
    summaryCpus: '{count} 个 CPU', summaryLabel: '调度时间线：{parts}',
    laneCollapsed: '{count} 个线程（已折叠）', laneVirtualDrawn: '{live} 个虚拟线程（画出 {drawn} 个）',
    laneVirtualCollapsed: '{count} 个虚拟线程（已折叠）', traitVirtual: '虚拟', traitDaemon: '守护', traitCarrier: '载体',
    unreachable: '无法连接服务器。请检查网络连接后再试。',
    refusedRun: '服务器拒绝了这次运行（HTTP {status}）。', refusedSubmission: '服务器拒绝了这次提交（HTTP {status}）。',
    refused: '服务器拒绝了请求（HTTP {status}）。', severityError: '错误', severityWarning: '警告',
  },
};

export const lang = MESSAGES[document.documentElement.lang] ? document.documentElement.lang : 'en';

// The modifier of the keyboard shortcuts as the learner's keyboard labels it.
const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

const SERVER = (() => {
  try {
    return JSON.parse(document.getElementById('server-messages')?.textContent || '{}');
  } catch (e) {
    return {};
  }
})();

/** The message in the page's language, with {name} placeholders filled in ({mod}: Ctrl or ⌘). */
export function t(key, params = {}) {
  return fill(MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key, { mod: MOD, ...params });
}

/**
 * A sentence of the server's (anything with messageKey and args: a check result, an API error, a run's end) in the
 * page's language; its English text (message or error) when the page does not know the key.
 */
export function say(said) {
  if (!said) return '';
  const english = said.message ?? said.error ?? '';
  return said.messageKey && said.messageKey in SERVER ? serverText(said) : english;
}

function serverText({ messageKey, args }) {
  const filled = {};
  for (const [name, value] of Object.entries(args || {})) filled[name] = argument(value);
  return fill(SERVER[messageKey] ?? messageKey, filled);
}

function argument(value) {
  if (Array.isArray(value)) return value.map(argument).join(SERVER['list.separator'] ?? '; ');
  if (value && typeof value === 'object' && 'messageKey' in value) return serverText(value);
  return String(value);
}

// One pass over the template: a value that contains {braces} (a learner's output) is not filled in again.
function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}
