// The output console: appends program output as it streams, batching DOM work to one update per frame.

export class OutputConsole {
  constructor(element) {
    this.element = element;
    this.pending = [];
    this.scheduled = false;
  }

  clear() {
    this.pending = [];
    this.element.replaceChildren();
  }

  append(text, kind) {
    this.pending.push([text, kind]);
    this.schedule();
  }

  /** A line the learner can click, e.g. a compile error that takes the cursor to its place in the code. */
  appendAction(text, className, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = className;
    button.textContent = text;
    button.addEventListener('click', action);
    this.pending.push([button]);
    this.append('\n', 'system');
  }

  schedule() {
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => this.flush());
    }
  }

  flush() {
    this.scheduled = false;
    const stick = this.element.scrollTop + this.element.clientHeight >= this.element.scrollHeight - 4;
    const fragment = document.createDocumentFragment();
    for (const [text, kind] of this.pending) {
      if (typeof text !== 'string') {
        fragment.appendChild(text);
        continue;
      }
      const last = fragment.lastChild || this.element.lastChild;
      if (last && last.dataset && last.dataset.kind === kind && fragment.lastChild === last) {
        last.textContent += text;
      } else {
        const span = document.createElement('span');
        span.className = `out-${kind}`;
        span.dataset.kind = kind;
        span.textContent = text;
        fragment.appendChild(span);
      }
    }
    this.pending = [];
    this.element.appendChild(fragment);
    if (stick) this.element.scrollTop = this.element.scrollHeight;
  }
}
