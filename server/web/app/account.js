// The account page's API tokens: listed, created (the secret shown once, to copy) and revoked through the JSON API.
// The words are the page's own (server-rendered in its language), and the server's refusals are said in it too.
import { fetchJson, refusal } from './http.js';
import { t } from './i18n.js';

class TokenList {
  constructor(section) {
    this.section = section;
    this.table = section.querySelector('table.tokens');
    this.rows = this.table.querySelector('tbody');
    this.empty = section.querySelector('.no-tokens');
    this.rowTemplate = section.querySelector('template.token-row');
    this.error = section.querySelector('.token-error');
    this.secretBox = section.querySelector('.new-token-secret');
    this.secret = this.secretBox.querySelector('code.secret');
    this.dates = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short' });
    section.querySelector('form.new-token').addEventListener('submit', (event) => {
      event.preventDefault();
      this.create(event.target);
    });
    this.secretBox.querySelector('button.copy').addEventListener('click', (event) => this.copy(event.target));
  }

  async refresh() {
    const tokens = await this.call('/api/tokens');
    if (!tokens) return;
    this.rows.replaceChildren(...tokens.map((token) => this.row(token)));
    this.table.hidden = tokens.length === 0;
    this.empty.hidden = tokens.length > 0;
  }

  row(token) {
    const row = this.rowTemplate.content.firstElementChild.cloneNode(true);
    row.dataset.id = token.id;
    row.querySelector('.name').textContent = token.name;
    row.querySelector('.created').textContent = this.date(token.createdAt);
    row.querySelector('.last-used').textContent = this.date(token.lastUsedAt);
    row.querySelector('button.revoke').addEventListener('click', () => this.revoke(token.id));
    return row;
  }

  date(iso) {
    return iso ? this.dates.format(new Date(iso)) : this.section.dataset.never;
  }

  async create(form) {
    const created = await this.call('/api/tokens',
      { method: 'POST', body: { name: form.elements.namedItem('name').value } });
    if (!created) return;
    form.reset();
    this.secret.textContent = created.token;
    this.secretBox.hidden = false;
    await this.refresh();
  }

  async revoke(id) {
    // The secret on show may be the one being revoked; either way it is no longer worth copying.
    this.secretBox.hidden = true;
    if (await this.call(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }) !== null) await this.refresh();
  }

  async copy(button) {
    try {
      await navigator.clipboard.writeText(this.secret.textContent);
      button.textContent = this.section.dataset.copied;
    } catch (e) {
      // No clipboard access (a plain-HTTP page, or the browser said no): select it for Ctrl+C instead.
      getSelection().selectAllChildren(this.secret);
    }
  }

  /** The response's JSON ({} when it has none), or null after showing why the server said no. */
  async call(url, request) {
    this.error.hidden = true;
    let response;
    try {
      response = await fetchJson(url, request);
    } catch (e) {
      return this.fail(t('unreachable'));
    }
    if (response.ok) return response.body;
    return this.fail(refusal(response));
  }

  fail(message) {
    this.error.textContent = message;
    this.error.hidden = false;
    return null;
  }
}

// Bundled into every page, like every module here: only the account page has the section.
const section = document.querySelector('section.api-tokens');
if (section) new TokenList(section).refresh();
