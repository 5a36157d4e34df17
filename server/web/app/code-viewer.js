// A submission's files, read-only: one CodeMirror state per file shown as tabs, highlighted like the lesson editor.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { java } from '@codemirror/lang-java';
import { editorTheme } from './editor-theme.js';
import { editorPhrases } from './editor-phrases.js';
import { element, fileTabs } from './dom.js';

export class CodeViewer {
  constructor(parent, files, label) {
    const extensions = [basicSetup, java(), editorTheme, editorPhrases, EditorState.readOnly.of(true), EditorView.editable.of(false),
      EditorView.contentAttributes.of({ 'aria-label': label })];
    this.states = new Map(Object.entries(files).map(([name, text]) => [name, EditorState.create({ doc: text, extensions })]));
    this.tabs = element('div', 'snippet-tabs');
    this.tabs.setAttribute('role', 'tablist');
    this.tabs.setAttribute('aria-label', label);
    const box = element('div', 'snippet-editor');
    parent.append(this.tabs, box);
    this.current = this.states.keys().next().value;
    this.view = new EditorView({ state: this.states.get(this.current), parent: box });
    this.renderTabs();
  }

  show(name) {
    if (!this.states.has(name) || name === this.current) return;
    this.current = name;
    this.view.setState(this.states.get(name));
    this.renderTabs();
  }

  /** For tests: the text of the file on show. */
  text() {
    return this.view.state.doc.toString();
  }

  renderTabs() {
    this.tabs.replaceChildren(...fileTabs([...this.states.keys()], this.current, (name) => this.show(name)));
  }
}
