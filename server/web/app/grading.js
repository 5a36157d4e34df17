// The grading panel of an exercise: Submit sends the editor's files, the checks come back with ✓/✗, points and
// messages; hints unlock after failed attempts; earlier submissions are listed and can be loaded again.
import { checkItem } from './check-list.js';
import { element } from './dom.js';
import { lang, say, t } from './i18n.js';
import { fetch } from './http.js';
import { loginUrl, signedIn } from './learner.js';

const POLL_MS = 600;

export class SubmissionPanel {
  constructor(parent, exerciseId, { files, loadFiles }) {
    this.exerciseId = exerciseId;
    this.files = files;
    this.loadFiles = loadFiles;
    this.root = element('section', 'grading');
    this.root.setAttribute('aria-label', t('gradingPanel'));
    this.summary = element('div', 'grading-summary');
    this.summary.setAttribute('role', 'status');
    this.checks = element('ul', 'grading-checks');
    this.hints = element('div', 'grading-hints');
    this.history = element('details', 'grading-history');
    this.root.append(this.summary, this.checks, this.hints, this.history);
    this.root.hidden = true;
    parent.append(this.root);
    if (!signedIn) this.askToLogIn();
    this.refresh();
  }

  /**
   * Grading needs an account: an anonymous visitor sees a link to log in (and back to this lesson) rather than a
   * Submit that could only fail, or the server's English refusal.
   */
  askToLogIn() {
    const link = element('a', 'login-prompt');
    link.href = loginUrl();
    link.textContent = t('logInToSubmit');
    this.summary.className = 'grading-summary';
    this.summary.replaceChildren(link);
    this.checks.replaceChildren();
    this.root.hidden = false;
  }

  get busy() {
    return this.polling === true;
  }

  /** Sends the files; resolves with the graded submission (or null when it could not be sent). */
  async submit() {
    this.root.hidden = false;
    this.checks.replaceChildren();
    this.summary.className = 'grading-summary';
    this.summary.textContent = t('submitting');
    let id;
    try {
      const response = await fetch(`/api/exercises/${encodeURIComponent(this.exerciseId)}/submissions`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ files: this.files() }),
      });
      if (response.status === 401) { // logged out meanwhile, e.g. in another tab
        this.askToLogIn();
        return null;
      }
      const body = await response.json().catch(() => ({}));
      if (response.status !== 202) throw new Error(body.error ? say(body) : t('refusedSubmission', { status: response.status }));
      id = body.id;
    } catch (e) {
      this.summary.textContent = e.message.startsWith('Failed to fetch') ? t('unreachable') : e.message;
      this.summary.classList.add('error');
      return null;
    }
    this.polling = true;
    try {
      const result = await this.await(id);
      this.show(result);
      await this.refresh();
      return result;
    } finally {
      this.polling = false;
    }
  }

  async await(id) {
    for (;;) {
      const response = await fetch(`/api/submissions/${encodeURIComponent(id)}?lang=${lang}`);
      const result = await response.json();
      if (result.status === 'GRADED' || result.status === 'ERROR') return result;
      this.summary.textContent = result.status === 'QUEUED' ? t('gradingQueued') : t('gradingRunning');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  show(result) {
    this.root.hidden = false;
    if (result.status === 'ERROR') {
      this.summary.textContent = t('cannotGrade', { message: say(result) });
      this.summary.className = 'grading-summary error';
      this.checks.replaceChildren();
      return;
    }
    const full = result.score === result.maxScore;
    this.summary.className = `grading-summary ${full ? 'full' : 'partial'}`;
    this.summary.textContent = t('score', { score: result.score, max: result.maxScore }) + (full ? t('allPass') : '');
    this.checks.replaceChildren(...result.checks.map((check, n) => checkItem(check, n, result.id)));
  }

  /** Hints this learner has unlocked, and the list of earlier submissions. */
  async refresh() {
    try {
      const [detail, submissions] = await Promise.all([
        fetch(`/api/exercises/${encodeURIComponent(this.exerciseId)}?lang=${lang}`).then((r) => r.json()),
        // An anonymous visitor has no submissions: no request that can only be refused.
        signedIn ? fetch(`/api/exercises/${encodeURIComponent(this.exerciseId)}/submissions?lang=${lang}`)
          .then((r) => r.json()) : [],
      ]);
      this.renderHints(detail);
      this.renderHistory(submissions);
      if (submissions.length) this.root.hidden = false;
    } catch (e) {
      // The panel still works without hints and history; the next submission tries again.
    }
  }

  renderHints(detail) {
    this.hints.replaceChildren();
    if (!detail.hints.length && !detail.lockedHints) return;
    const title = element('h3');
    title.textContent = t('hints');
    this.hints.append(title);
    if (detail.hints.length) {
      const list = element('ol');
      for (const html of detail.hints) {
        const item = element('li');
        item.innerHTML = html; // Markdown rendered and sanitised by the server
        list.append(item);
      }
      this.hints.append(list);
    }
    if (detail.lockedHints) {
      const note = element('p', 'locked');
      note.textContent = detail.lockedHints === 1 ? t('lockedHint') : t('lockedHints', { count: detail.lockedHints });
      this.hints.append(note);
    }
  }

  renderHistory(submissions) {
    this.history.replaceChildren();
    if (!submissions.length) return;
    const summary = element('summary');
    summary.textContent = t('submissions', { count: submissions.length });
    const list = element('ol', 'grading-submissions');
    for (const submission of submissions) {
      const item = element('li');
      const when = new Date(submission.createdAt).toLocaleString(lang);
      const score = submission.status === 'GRADED' ? `${submission.score} / ${submission.maxScore}` : submission.status.toLowerCase();
      item.textContent = `${when} — ${score} `;
      const load = element('button', 'load');
      load.type = 'button';
      load.textContent = t('open');
      load.title = t('openTitle');
      load.addEventListener('click', async () => {
        const full = await fetch(`/api/submissions/${encodeURIComponent(submission.id)}?lang=${lang}`).then((r) => r.json());
        this.loadFiles(full.files);
        this.show(full);
      });
      item.append(load);
      list.append(item);
    }
    this.history.append(summary, list);
  }
}
