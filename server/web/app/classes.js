// The class list (/classes): the classes one teaches (with the join code to hand out and a link to the dashboard)
// and those one is in, from GET /api/classes; the Join and Create forms post to the class API. The words are the
// page's own (server-rendered in its language); this only moves data.
import { fetchJson, refusal } from './http.js';

// The refusals the page words for its forms, by form and HTTP status (see ClassResource), as the server's sentences
// speak of JSON; any other is the server's message, in the page's language.
const KNOWN_ERRORS = {
  join: { 400: 'errorNoCode', 404: 'errorUnknownCode' },
  create: { 400: 'errorNoName' },
};

class ClassList {
  constructor(section) {
    this.section = section;
    this.teaching = section.querySelector('section.teaching');
    this.member = section.querySelector('section.member');
    this.onSubmit(section.querySelector('form.join-class'), (form) => this.join(form));
    const create = section.querySelector('form.create-class');
    if (create) this.onSubmit(create, (form) => this.create(form));
  }

  /** A new submission clears what the last one announced ("joined …", the new code) before it is sent. */
  onSubmit(form, send) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      form.closest('section').querySelectorAll('[role=status]').forEach((status) => { status.hidden = true; });
      send(form);
    });
  }

  async refresh() {
    const classes = await this.send(this.member, '/api/classes');
    if (!classes) return;
    if (this.teaching) {
      this.fill(this.teaching, 'table.taught', '.none-taught', classes.filter((c) => c.teaching),
        (c) => this.taughtRow(c));
    }
    this.fill(this.member, 'ul.joined', '.none-joined', classes.filter((c) => !c.teaching),
      (c) => this.joinedRow(c));
  }

  /** Puts the rows in the list (a table's tbody, or the list itself), or shows the "none yet" line instead. */
  fill(part, listSelector, noneSelector, classes, row) {
    const list = part.querySelector(listSelector);
    (list.tBodies?.[0] ?? list).replaceChildren(...classes.map(row));
    list.hidden = classes.length === 0;
    part.querySelector(noneSelector).hidden = classes.length > 0;
  }

  taughtRow(group) {
    const row = this.clone(this.teaching, 'template.taught-row');
    row.dataset.class = group.id;
    row.querySelector('.name').textContent = group.name;
    row.querySelector('.join-code').textContent = group.joinCode;
    row.querySelector('a.dashboard').href = `/classes/${encodeURIComponent(group.id)}`;
    return row;
  }

  joinedRow(group) {
    const item = this.clone(this.member, 'template.joined-row');
    item.dataset.class = group.id;
    item.textContent = group.name;
    return item;
  }

  clone(part, selector) {
    return part.querySelector(selector).content.firstElementChild.cloneNode(true);
  }

  async join(form) {
    const joined = await this.send(this.member, '/api/classes/join', 'join', { code: this.value(form, 'code') });
    if (!joined) return;
    form.reset();
    this.announce(this.member.querySelector('.joined-status'), '.name', joined.name);
    await this.refresh();
  }

  async create(form) {
    const created = await this.send(this.teaching, '/api/classes', 'create', { name: this.value(form, 'name') });
    if (!created) return;
    form.reset();
    this.announce(this.teaching.querySelector('.created'), '.join-code', created.joinCode);
    await this.refresh();
  }

  value(form, name) {
    return form.elements.namedItem(name).value;
  }

  announce(status, selector, text) {
    status.querySelector(selector).textContent = text;
    status.hidden = false;
  }

  /**
   * A GET (no body) or POST to the class API from one part of the page: the response's JSON, or null after showing
   * why not next to that part's form. Each part has its own error line, so an error sits by the form that caused it.
   */
  async send(part, url, errors, body) {
    const error = part.querySelector('.class-error');
    error.hidden = true;
    let response;
    try {
      response = await fetchJson(url, body === undefined ? {} : { method: 'POST', body });
    } catch (e) {
      return this.fail(error, this.section.dataset.errorOffline);
    }
    if (response.ok) return response.body;
    const known = KNOWN_ERRORS[errors]?.[response.status];
    return this.fail(error, known ? this.section.dataset[known] : refusal(response));
  }

  fail(error, message) {
    error.textContent = message;
    error.hidden = false;
    return null;
  }
}

// Bundled into every page, like every module here: only the class list has the section.
const section = document.querySelector('section.my-classes');
if (section) new ClassList(section).refresh();
