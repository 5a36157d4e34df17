// The code editor of one snippet: one CodeMirror state per file shown as tabs, compile errors as markers on every
// file they concern, Reset back to the starter (undoable), and the learner's draft kept across reloads.
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { EditorSelection, EditorState, Prec } from '@codemirror/state';
import { java } from '@codemirror/lang-java';
import { setDiagnostics } from '@codemirror/lint';
import { editorTheme } from './editor-theme.js';
import { editorPhrases } from './editor-phrases.js';
import { element, fileTabs } from './dom.js';

export class FileEditor {
  /** starter: the files as the lesson gives them, by name, the main file first; draft: a DraftStore. */
  constructor(parent, starter, { onRun, label, draft }) {
    this.starter = starter;
    this.draft = draft;
    this.errorFiles = new Set();
    this.tabs = element('div', 'snippet-tabs');
    this.tabs.setAttribute('role', 'tablist');
    this.tabs.setAttribute('aria-label', label);
    const box = element('div', 'snippet-editor');
    parent.append(this.tabs, box);

    this.extensions = [
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }])),
      basicSetup,
      java(),
      editorTheme,
      editorPhrases,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.draft.save(() => this.files());
      }),
    ];
    const saved = draft.load();
    this.restoredDraft = saved !== null;
    const initial = { ...starter, ...(saved || {}) };
    this.states = new Map(Object.keys(starter).map((name) => [name, this.newState(initial[name])]));
    this.current = Object.keys(starter)[0];
    this.view = new EditorView({ state: this.states.get(this.current), parent: box });
    this.renderTabs();
  }

  newState(text) {
    return EditorState.create({ doc: text, extensions: this.extensions });
  }

  /** Every file by name, as the editor holds it now. */
  files() {
    this.states.set(this.current, this.view.state);
    return Object.fromEntries([...this.states].map(([name, state]) => [name, state.doc.toString()]));
  }

  setFile(name, text) {
    if (name === this.current) {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
    } else {
      const state = this.states.get(name);
      this.states.set(name, state
        ? state.update({ changes: { from: 0, to: state.doc.length, insert: text } }).state
        : this.newState(text));
      this.renderTabs();
      this.draft.save(() => this.files());
    }
  }

  loadFiles(files) {
    for (const [name, text] of Object.entries(files)) this.setFile(name, text);
  }

  /** Puts the starter files back as one more edit (Ctrl+Z brings the learner's code back) and drops the draft. */
  reset() {
    this.loadFiles(this.starter);
    this.clearDiagnostics();
    this.draft.clear();
  }

  showFile(name) {
    if (name === this.current || !this.states.has(name)) return;
    this.states.set(this.current, this.view.state);
    this.current = name;
    this.view.setState(this.states.get(name));
    this.renderTabs();
  }

  /** Moves the cursor to a line and column of a file (1-based), showing its tab. */
  reveal(file, line, column) {
    this.showFile(file);
    const doc = this.view.state.doc;
    const position = positionOf(doc, Math.min(Math.max(line, 1), doc.lines), column);
    this.view.dispatch({ selection: EditorSelection.cursor(position), scrollIntoView: true });
    this.view.focus();
  }

  /** Compiler diagnostics as lint markers, each on its own file (the open one without losing its scroll position). */
  showDiagnostics(diagnostics) {
    this.files();
    this.errorFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    for (const [name, state] of this.states) {
      const marks = diagnostics.filter((d) => d.file === name).map((d) => marker(state.doc, d)).filter(Boolean);
      if (name === this.current) this.view.dispatch(setDiagnostics(this.view.state, marks));
      else this.states.set(name, state.update(setDiagnostics(state, marks)).state);
    }
    this.states.set(this.current, this.view.state);
    this.renderTabs();
  }

  clearDiagnostics() {
    this.showDiagnostics([]);
  }

  renderTabs() {
    this.tabs.hidden = this.states.size < 2;
    const tabs = fileTabs([...this.states.keys()], this.current, (name) => this.showFile(name));
    tabs.forEach((tab) => tab.classList.toggle('has-errors', this.errorFiles.has(tab.textContent)));
    this.tabs.replaceChildren(...tabs);
  }
}

function marker(doc, d) {
  if (d.line < 1 || d.line > doc.lines) return null;
  const from = positionOf(doc, d.line, d.column);
  const to = Math.min(from + 1, doc.line(d.line).to);
  return { from, to, severity: d.severity === 'error' ? 'error' : 'warning', message: d.message };
}

/** The document position of a 1-based line and column, kept within the line. */
function positionOf(doc, lineNumber, column) {
  const line = doc.line(lineNumber);
  return Math.min(line.from + Math.max(column - 1, 0), line.to);
}
