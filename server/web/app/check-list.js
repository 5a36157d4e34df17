// One graded check as a list item (✓/✗, name, points, message), the same on the lesson page and on the instructor's
// submission page. Everything is inserted as text: check messages quote the learner's program. A failed schedule
// check that kept its interleaving gets a button that draws it on a timeline, like a run's trace.
import { element } from './dom.js';
import { say, t } from './i18n.js';
import { fetch } from './http.js';
import { TraceTimeline } from './timeline.js';

/** {@code submissionId} and {@code index}: where the API keeps the check's interleaving, when it has one. */
export function checkItem(check, index, submissionId) {
  const item = element('li', check.passed ? 'pass' : 'fail');
  const mark = element('span', 'mark');
  mark.textContent = check.passed ? '✓' : '✗';
  mark.setAttribute('aria-label', check.passed ? 'passed' : 'failed');
  const name = element('span', 'name');
  name.textContent = check.name;
  const points = element('span', 'points');
  points.textContent = `${check.points}/${check.maxPoints}`;
  item.append(mark, name, points);
  if (check.message) {
    const message = element('div', 'message');
    message.textContent = say(check);
    item.append(message);
  }
  if (check.interleaving && submissionId) item.append(interleavingView(submissionId, index));
  return item;
}

function interleavingView(submissionId, index) {
  const box = element('div', 'interleaving');
  const toggle = element('button', 'interleaving-toggle');
  toggle.type = 'button';
  toggle.textContent = t('showInterleaving');
  const body = element('div', 'interleaving-body');
  body.hidden = true;
  box.append(toggle, body);
  let timeline = null;
  toggle.addEventListener('click', async () => {
    body.hidden = !body.hidden;
    toggle.textContent = body.hidden ? t('showInterleaving') : t('hideInterleaving');
    if (body.hidden || timeline) return;
    const response = await fetch(`/api/submissions/${encodeURIComponent(submissionId)}/checks/${index}/events`);
    if (!response.ok) {
      body.textContent = t('interleavingUnavailable', { status: response.status });
      return;
    }
    const note = element('p', 'interleaving-note');
    note.textContent = t('interleavingNote');
    const chart = element('div', 'interleaving-timeline');
    body.replaceChildren(note, chart);
    timeline = new TraceTimeline(chart);
    chart.threadlabTimeline = timeline; // for the browser tests, as window.threadlab is for the snippets
    timeline.showStored(`${submissionId}-check-${index}`, await response.json());
  });
  return box;
}
