// One runnable program on a lesson page: editor (one tab per file), Run/Stop, status line, console, stdin and the
// trace timeline; for an exercise also Submit and the grading panel.
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { EditorState, Prec } from '@codemirror/state';
import { java } from '@codemirror/lang-java';
import { setDiagnostics } from '@codemirror/lint';
import { submitRun, watchRun } from './runner.js';
import { OutputConsole } from './console.js';
import { TraceTimeline } from './timeline.js';
import { element } from './dom.js';
import { t } from './i18n.js';
import { SubmissionPanel } from './grading.js';

const STATUS_TEXT = {
  QUEUED: t('queued'),
  COMPILING: t('compiling'),
  RUNNING: t('running'),
  FINISHED: t('finished'),
  COMPILE_ERROR: t('compileError'),
  TIMED_OUT: t('timedOut'),
  MEMORY_LIMIT: t('memoryLimit'),
  OUTPUT_LIMIT: t('outputLimit'),
  DEADLOCK: t('deadlock'),
  CANCELLED: t('cancelled'),
  ERROR: t('error'),
};

export class Snippet {
  /**
   * host: a div.runnable with one code block (a lesson example), or a section.exercise whose pre[data-file] blocks
   * are the starter files; an exercise also gets Submit.
   */
  constructor(host) {
    this.mainClass = host.dataset.main || 'Main';
    this.exerciseId = host.dataset.exercise || null;
    const blocks = [...host.querySelectorAll('pre[data-file]')];
    const files = blocks.length
      ? blocks.map((pre) => ({ name: pre.dataset.file, content: pre.querySelector('code').textContent }))
      : [{ name: this.mainFile(), content: host.querySelector('code').textContent }];
    const box = this.exerciseId ? element('div', 'snippet') : host;
    if (this.exerciseId) {
      blocks.forEach((pre) => pre.parentElement.remove());
      host.append(box);
    } else {
      host.replaceChildren();
      host.classList.add('snippet');
    }

    this.tabs = element('div', 'snippet-tabs');
    this.tabs.setAttribute('role', 'tablist');
    this.tabs.hidden = files.length < 2;
    const editorBox = element('div', 'snippet-editor');
    const toolbar = element('div', 'snippet-toolbar');
    this.runButton = element('button', 'run');
    this.runButton.type = 'button';
    this.runButton.textContent = t('run');
    this.runButton.title = t('runTitle');
    this.status = element('span', 'status');
    this.status.setAttribute('role', 'status');
    this.status.textContent = t('hint');
    const traceLabel = element('label', 'trace-toggle');
    traceLabel.title = t('traceTitle');
    this.traceBox = element('input');
    this.traceBox.type = 'checkbox';
    this.traceBox.checked = true;
    traceLabel.append(this.traceBox, ` ${t('trace')}`);
    toolbar.append(this.runButton);
    if (this.exerciseId) {
      this.submitButton = element('button', 'submit');
      this.submitButton.type = 'button';
      this.submitButton.textContent = t('submit');
      this.submitButton.title = t('submitTitle');
      toolbar.append(this.submitButton);
    }
    toolbar.append(this.status, traceLabel);

    this.output = element('pre', 'console');
    this.output.setAttribute('aria-label', t('output'));
    this.console = new OutputConsole(this.output);

    const inputRow = element('form', 'stdin');
    this.input = element('input');
    this.input.placeholder = t('inputPlaceholder');
    this.input.disabled = true;
    const eofButton = element('button');
    eofButton.type = 'button';
    eofButton.textContent = t('endInput');
    eofButton.title = t('endInputTitle');
    inputRow.append(this.input, eofButton);
    box.append(this.tabs, editorBox, toolbar, this.output, inputRow);
    if (this.exerciseId) {
      this.grading = new SubmissionPanel(box, this.exerciseId, {
        files: () => this.files(), loadFiles: (loaded) => this.loadFiles(loaded),
      });
      this.submitButton.addEventListener('click', () => this.submit());
    }
    this.timeline = new TraceTimeline(box);

    this.extensions = [
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { this.toggle(); return true; } }])),
      basicSetup,
      java(),
    ];
    this.states = new Map(files.map((file) => [file.name, this.newState(file.content)]));
    this.current = files[0].name;
    this.editor = new EditorView({ state: this.states.get(this.current), parent: editorBox });
    this.renderTabs();

    this.runButton.addEventListener('click', () => this.toggle());
    inputRow.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!this.run) return;
      this.run.stdin(this.input.value + '\n');
      this.console.append(this.input.value + '\n', 'stdin');
      this.input.value = '';
    });
    eofButton.addEventListener('click', () => this.run && this.run.stdin(null, true));
  }

  mainFile() {
    return this.mainClass.replaceAll('.', '/') + '.java';
  }

  newState(text) {
    return EditorState.create({ doc: text, extensions: this.extensions });
  }

  /** Replaces the text of the main file (the only one of a lesson example). */
  setCode(text) {
    this.setFile(this.mainFile(), text);
  }

  setFile(name, text) {
    if (name === this.current) {
      this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: text } });
    } else {
      this.states.set(name, this.newState(text));
      this.renderTabs();
    }
  }

  /** Every file by name, as the editor holds it now. */
  files() {
    this.states.set(this.current, this.editor.state);
    return Object.fromEntries([...this.states].map(([name, state]) => [name, state.doc.toString()]));
  }

  loadFiles(files) {
    for (const [name, text] of Object.entries(files)) this.setFile(name, text);
  }

  showFile(name) {
    this.states.set(this.current, this.editor.state);
    this.current = name;
    this.editor.setState(this.states.get(name));
    this.renderTabs();
  }

  renderTabs() {
    this.tabs.hidden = this.states.size < 2;
    this.tabs.replaceChildren(...[...this.states.keys()].map((name) => {
      const tab = element('button', 'snippet-tab');
      tab.type = 'button';
      tab.textContent = name;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(name === this.current));
      tab.addEventListener('click', () => this.showFile(name));
      return tab;
    }));
  }

  async submit() {
    if (this.grading.busy) return;
    this.submitButton.disabled = true;
    this.submitButton.textContent = t('grading');
    try {
      await this.grading.submit();
    } finally {
      this.submitButton.disabled = false;
      this.submitButton.textContent = t('submit');
    }
  }

  toggle() {
    if (this.run) {
      this.run.cancel();
      this.setStatus(t('stopping'));
    } else {
      this.start();
    }
  }

  async start() {
    this.console.clear();
    this.editor.dispatch(setDiagnostics(this.editor.state, []));
    this.setBusy(true);
    this.setStatus(t('submitting'));
    const trace = this.traceBox.checked;
    let id;
    try {
      id = await submitRun(this.files(), this.mainClass, { trace });
    } catch (e) {
      this.console.append(e.message + '\n', 'system');
      this.setStatus(t('error'));
      this.setBusy(false);
      return;
    }
    if (trace) this.timeline.start(id);
    else this.timeline.hide();
    this.run = watchRun(id, (event) => this.onEvent(event), () => {
      this.console.append(`\n${t('connectionLost')}\n`, 'system');
      this.finish(t('disconnected'));
    });
  }

  onEvent(event) {
    switch (event.type) {
      case 'status':
        this.setStatus(event.status === 'QUEUED' && event.queuePosition
          ? t('queuedAt', { position: event.queuePosition })
          : STATUS_TEXT[event.status] || event.status);
        break;
      case 'stdout':
      case 'stderr':
        this.console.append(event.data, event.type);
        break;
      case 'trace':
        this.timeline.add(event.events);
        break;
      case 'diagnostics':
        this.showDiagnostics(event.diagnostics);
        break;
      case 'exit':
        this.finish(describeExit(event));
        break;
      case 'error':
        this.console.append(event.message + '\n', 'system');
        break;
    }
  }

  showDiagnostics(diagnostics) {
    const doc = this.editor.state.doc;
    const marks = [];
    for (const d of diagnostics) {
      this.console.append(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`, d.severity === 'error' ? 'stderr' : 'system');
      if (d.file !== this.current || d.line < 1 || d.line > doc.lines) continue;
      const line = doc.line(d.line);
      const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
      const to = Math.min(from + 1, line.to) > from ? Math.min(from + 1, line.to) : from;
      marks.push({ from, to: Math.max(to, from), severity: d.severity === 'error' ? 'error' : 'warning', message: d.message });
    }
    this.editor.dispatch(setDiagnostics(this.editor.state, marks));
  }

  finish(statusText) {
    if (this.run) this.run.close();
    this.run = null;
    this.timeline.finish();
    this.setStatus(statusText);
    this.setBusy(false);
  }

  setBusy(busy) {
    this.runButton.textContent = busy ? t('stop') : t('run');
    this.runButton.classList.toggle('stop', busy);
    this.input.disabled = !busy;
  }

  setStatus(text) {
    this.status.textContent = text;
  }
}

function describeExit(event) {
  const base = STATUS_TEXT[event.status] || event.status;
  const parts = [base];
  if (event.status === 'FINISHED') parts.push(t('exitCode', { code: event.exitCode }));
  if (event.durationMs != null) parts.push(`${event.durationMs} ms`);
  return parts.join(' · ');
}
