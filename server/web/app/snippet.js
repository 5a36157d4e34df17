// One runnable program on a lesson page: editor (one tab per file), Run/Stop, Reset, the progress line, console,
// stdin and the trace timeline; for an exercise also Submit and the grading panel. For a logged-in learner the draft
// comes from the server, and the last kept run of the code in the editor is shown as if it had just ended.
import { submitRun, watchRun } from './runner.js';
import { OutputConsole } from './console.js';
import { TraceTimeline } from './timeline.js';
import { FileEditor } from './editor.js';
import { DraftStore } from './drafts.js';
import { lastRunOf } from './history.js';
import { signedIn } from './learner.js';
import { formatTime } from './local-time.js';
import { ProgressLine } from './progress.js';
import { element } from './dom.js';
import { say, t } from './i18n.js';
import { SubmissionPanel } from './grading.js';

/** The JDKs the sandbox offers, the default first (the server's JavaRelease). */
const JDKS = ['25', '21'];

export class Snippet {
  /**
   * host: a div.runnable (a lesson example) or a section.exercise; both hold one pre[data-file] block per starter
   * file, the main file first. draftKey names this snippet's saved draft.
   */
  constructor(host, draftKey) {
    this.mainClass = host.dataset.main || 'Main';
    // The JDK the example names (the server's default otherwise); an exercise is graded on its own, so it runs on it.
    this.jdk = host.dataset.jdk || null;
    this.exerciseId = host.dataset.exercise || null;
    const blocks = [...host.querySelectorAll('pre[data-file]')];
    // A runnable div written as raw HTML in a lesson may carry a bare code block: it is the main class's file.
    const starter = blocks.length
      ? Object.fromEntries(blocks.map((pre) => [pre.dataset.file, pre.querySelector('code').textContent]))
      : { [`${this.mainClass.replaceAll('.', '/')}.java`]: host.querySelector('code')?.textContent ?? '' };
    const box = this.exerciseId ? element('div', 'snippet') : host;
    if (this.exerciseId) {
      host.querySelector('.starter-files').remove();
      host.append(box);
    } else {
      host.replaceChildren();
      host.classList.add('snippet');
    }

    this.draft = new DraftStore(draftKey, starter, { onReplaced: () => this.notice.show(t('draftReplaced')) });
    this.editor = new FileEditor(box, starter, { onRun: () => this.toggle(), label: t('editorLabel'), draft: this.draft });
    this.notice = new Notice();
    box.append(this.buildToolbar(), this.notice.element);
    this.output = element('pre', 'console');
    this.output.setAttribute('aria-label', t('output'));
    this.output.setAttribute('aria-live', 'polite');
    this.output.dataset.placeholder = t('outputPlaceholder');
    this.console = new OutputConsole(this.output);
    box.append(this.output, this.buildStdin());
    if (this.exerciseId) {
      this.grading = new SubmissionPanel(box, this.exerciseId, {
        files: () => this.files(), loadFiles: (loaded) => this.editor.loadFiles(loaded),
      });
    }
    this.timeline = new TraceTimeline(box);
    if (this.editor.restoredDraft) this.progress.text(t('draftRestored'));
    if (signedIn) this.showAccountState();
  }

  /** The server's draft when newer than this browser's, then the kept run of the code the editor ends up with. */
  async showAccountState() {
    const restored = await this.draft.restore(() => this.files(), (files) => this.editor.loadFiles(files));
    if (restored) this.progress.text(t('draftRestored'));
    const run = await lastRunOf(this.mainClass, this.files());
    if (run) this.replay(run);
  }

  /**
   * A kept run shown as if it had just ended, through the live run's own paths: its output into the console, its
   * trace into the timeline, how it ended on the status line, labelled with when it ran.
   */
  replay(run) {
    if (this.run || this.starting) return; // the learner pressed Run meanwhile: the live run is the one to show
    this.console.clear();
    if (run.output) this.onEvent({ type: 'stdout', data: run.output });
    if (run.trace && run.trace.length) this.timeline.showStored(run.id, run.trace);
    else this.timeline.hide();
    const durationMs = run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.createdAt) : null;
    const label = t('lastRun', { time: formatTime(run.createdAt) });
    this.progress.exit({ status: run.status, exitCode: run.exitCode, durationMs }, label);
  }

  buildToolbar() {
    const toolbar = element('div', 'snippet-toolbar');
    this.runButton = button('run', t('run'), t('runTitle'), () => this.toggle());
    this.runButton.setAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
    toolbar.append(this.runButton);
    if (this.exerciseId) {
      // Anonymous: disabled, and the grading panel says where to log in.
      this.submitButton = button('submit', t('submit'), signedIn ? t('submitTitle') : t('submitNeedsLogin'),
        () => this.submit());
      this.submitButton.disabled = !signedIn;
      toolbar.append(this.submitButton);
    }
    const reset = button('reset', t('reset'), t('resetTitle'), () => this.reset());
    const status = element('span', 'status');
    status.setAttribute('role', 'status');
    status.textContent = t('hint');
    this.progress = new ProgressLine(status);
    const traceLabel = element('label', 'trace-toggle');
    traceLabel.title = t('traceTitle');
    this.traceBox = element('input');
    this.traceBox.type = 'checkbox';
    this.traceBox.checked = true;
    traceLabel.append(this.traceBox, ` ${t('trace')}`);
    toolbar.append(reset, status, traceLabel);
    if (!this.exerciseId) toolbar.append(this.buildJdkChoice());
    return toolbar;
  }

  /** The JDK selector of a lesson example: its own JDK first chosen, the other there to compare. */
  buildJdkChoice() {
    const label = element('label', 'jdk-choice');
    label.title = t('jdkTitle');
    this.jdkSelect = element('select');
    this.jdkSelect.setAttribute('aria-label', t('jdkTitle'));
    for (const version of JDKS) {
      const option = element('option');
      option.value = version;
      option.textContent = `JDK ${version}`;
      this.jdkSelect.append(option);
    }
    this.jdkSelect.value = this.jdk && JDKS.includes(this.jdk) ? this.jdk : JDKS[0];
    label.append(this.jdkSelect);
    return label;
  }

  buildStdin() {
    const form = element('form', 'stdin');
    this.input = element('input');
    this.input.placeholder = t('inputPlaceholder');
    this.input.setAttribute('aria-label', t('inputLabel'));
    this.input.disabled = true;
    const eof = button('', t('endInput'), t('endInputTitle'), () => this.run && this.run.stdin(null, true));
    form.append(this.input, eof);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!this.run) return;
      this.run.stdin(this.input.value + '\n');
      this.console.append(this.input.value + '\n', 'stdin');
      this.input.value = '';
    });
    return form;
  }

  /** Replaces the text of the main file (the first tab). */
  setCode(text) {
    this.editor.setFile(Object.keys(this.editor.starter)[0], text);
  }

  setFile(name, text) {
    this.editor.setFile(name, text);
  }

  files() {
    return this.editor.files();
  }

  reset() {
    this.editor.reset();
    this.notice.hide();
    this.progress.text(t('resetDone'));
  }

  async submit() {
    if (this.grading.busy) return;
    this.submitButton.disabled = true;
    this.submitButton.textContent = t('grading');
    try {
      await this.grading.submit();
    } finally {
      this.submitButton.disabled = !signedIn;
      this.submitButton.textContent = t('submit');
    }
  }

  toggle() {
    if (this.run) {
      this.run.cancel();
      this.progress.text(t('stopping'));
    } else if (!this.starting) {
      this.start();
    }
  }

  async start() {
    this.starting = true;
    this.console.clear();
    this.editor.clearDiagnostics();
    this.setBusy(true);
    this.progress.text(t('submitting'));
    const trace = this.traceBox.checked;
    let id;
    try {
      id = await submitRun(this.files(), this.mainClass, { trace, jdk: this.jdkSelect ? this.jdkSelect.value : this.jdk });
    } catch (e) {
      this.console.append(e.message + '\n', 'system');
      this.progress.text(t('error'));
      this.setBusy(false);
      return;
    } finally {
      this.starting = false;
    }
    if (trace) this.timeline.start(id);
    else this.timeline.hide();
    this.run = watchRun(id, (event) => this.onEvent(event), () => {
      this.console.append(`\n${t('connectionLost')}\n`, 'system');
      this.finish();
      this.progress.text(t('disconnected'));
    });
  }

  onEvent(event) {
    switch (event.type) {
      case 'status':
        this.progress.status(event);
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
        this.finish();
        this.progress.exit(event);
        // Why it was stopped, at the end of the output as a terminal would say it, in the reader's language.
        if (event.message && event.status !== 'FINISHED' && event.status !== 'COMPILE_ERROR') {
          this.console.append(`[${say(event)}]\n`, 'system');
        }
        break;
      case 'error':
        this.console.append(say(event) + '\n', 'system');
        break;
    }
  }

  showDiagnostics(diagnostics) {
    for (const d of diagnostics) {
      const text = `${d.file}:${d.line}:${d.column}: ${t(d.severity === 'error' ? 'severityError' : 'severityWarning')}: ${d.message}`;
      if (this.editor.states.has(d.file) && d.line > 0) {
        this.console.appendAction(text, `diagnostic ${d.severity}`, () => this.editor.reveal(d.file, d.line, d.column));
      } else {
        this.console.append(text + '\n', d.severity === 'error' ? 'stderr' : 'system');
      }
    }
    this.editor.showDiagnostics(diagnostics);
  }

  finish() {
    if (this.run) this.run.close();
    this.run = null;
    this.timeline.finish();
    this.setBusy(false);
  }

  setBusy(busy) {
    this.runButton.textContent = busy ? t('stop') : t('run');
    this.runButton.title = busy ? t('stopTitle') : t('runTitle');
    this.runButton.classList.toggle('stop', busy);
    this.input.disabled = !busy;
  }
}

/** A small note in the snippet that does not stop the learner (e.g. another tab's draft saved over); dismissable. */
class Notice {
  constructor() {
    this.element = element('p', 'snippet-notice');
    this.element.setAttribute('role', 'status');
    this.element.hidden = true;
    this.text = element('span');
    const dismiss = button('dismiss', '×', t('dismiss'), () => this.hide());
    dismiss.setAttribute('aria-label', t('dismiss'));
    this.element.append(this.text, dismiss);
  }

  show(text) {
    this.text.textContent = text;
    this.element.hidden = false;
  }

  hide() {
    this.element.hidden = true;
  }
}

function button(className, text, title, onClick) {
  const b = element('button', className);
  b.type = 'button';
  b.textContent = text;
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}
