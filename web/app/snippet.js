// One runnable example on a lesson page: editor, Run/Stop, status line, console and stdin.
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { Prec } from '@codemirror/state';
import { java } from '@codemirror/lang-java';
import { setDiagnostics } from '@codemirror/lint';
import { submitRun, watchRun } from './runner.js';
import { OutputConsole } from './console.js';
import { TraceTimeline } from './timeline.js';
import { element } from './dom.js';

const STATUS_TEXT = {
  QUEUED: 'Waiting for a free sandbox…',
  COMPILING: 'Compiling…',
  RUNNING: 'Running…',
  FINISHED: 'Finished',
  COMPILE_ERROR: 'Compilation failed',
  TIMED_OUT: 'Stopped: time limit reached',
  MEMORY_LIMIT: 'Stopped: out of memory',
  OUTPUT_LIMIT: 'Stopped: too much output',
  DEADLOCK: 'Stopped: deadlock',
  CANCELLED: 'Stopped',
  ERROR: 'Could not run',
};

export class Snippet {
  constructor(host) {
    this.mainClass = host.dataset.main || 'Main';
    const source = host.querySelector('code').textContent;
    host.replaceChildren();
    host.classList.add('snippet');

    const editorBox = element('div', 'snippet-editor');
    const toolbar = element('div', 'snippet-toolbar');
    this.runButton = element('button', 'run');
    this.runButton.type = 'button';
    this.runButton.textContent = 'Run';
    this.runButton.title = 'Run (Ctrl+Enter)';
    this.status = element('span', 'status');
    this.status.setAttribute('role', 'status');
    this.status.textContent = 'Ctrl+Enter runs the program';
    const traceLabel = element('label', 'trace-toggle');
    traceLabel.title = 'Record which thread ran on which CPU, and what each one waited for';
    this.traceBox = element('input');
    this.traceBox.type = 'checkbox';
    this.traceBox.checked = true;
    traceLabel.append(this.traceBox, ' Trace');
    toolbar.append(this.runButton, this.status, traceLabel);

    this.output = element('pre', 'console');
    this.output.setAttribute('aria-label', 'Program output');
    this.console = new OutputConsole(this.output);

    const inputRow = element('form', 'stdin');
    this.input = element('input');
    this.input.placeholder = 'Type input for the running program and press Enter';
    this.input.disabled = true;
    const eofButton = element('button');
    eofButton.type = 'button';
    eofButton.textContent = 'End input';
    eofButton.title = 'Close the program\'s stdin (end of file)';
    inputRow.append(this.input, eofButton);
    host.append(editorBox, toolbar, this.output, inputRow);
    this.timeline = new TraceTimeline(host);

    this.editor = new EditorView({
      doc: source,
      parent: editorBox,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { this.toggle(); return true; } }])),
        basicSetup,
        java(),
      ],
    });

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

  /** Replaces the editor's text. */
  setCode(text) {
    this.editor.dispatch({ changes: { from: 0, to: this.editor.state.doc.length, insert: text } });
  }

  toggle() {
    if (this.run) {
      this.run.cancel();
      this.setStatus('Stopping…');
    } else {
      this.start();
    }
  }

  async start() {
    this.console.clear();
    this.editor.dispatch(setDiagnostics(this.editor.state, []));
    this.setBusy(true);
    this.setStatus('Submitting…');
    const fileName = this.mainClass.replaceAll('.', '/') + '.java';
    const trace = this.traceBox.checked;
    let id;
    try {
      id = await submitRun({ [fileName]: this.editor.state.doc.toString() }, this.mainClass, { trace });
    } catch (e) {
      this.console.append(e.message + '\n', 'system');
      this.setStatus('Could not run');
      this.setBusy(false);
      return;
    }
    if (trace) this.timeline.start(id);
    else this.timeline.hide();
    this.run = watchRun(id, (event) => this.onEvent(event), () => {
      this.console.append('\n[Connection to the server lost]\n', 'system');
      this.finish('Disconnected');
    });
  }

  onEvent(event) {
    switch (event.type) {
      case 'status':
        this.setStatus(event.status === 'QUEUED' && event.queuePosition
          ? `Waiting for a free sandbox (position ${event.queuePosition})…`
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
      if (d.line < 1 || d.line > doc.lines) continue;
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
    this.runButton.textContent = busy ? 'Stop' : 'Run';
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
  if (event.status === 'FINISHED') parts.push(`exit code ${event.exitCode}`);
  if (event.durationMs != null) parts.push(`${event.durationMs} ms`);
  return parts.join(' · ');
}
