// The submission page: its files (read-only), its checks, and the scheduling trace of the graded run drawn by the
// lesson page's own timeline, fed the stored events instead of a live stream. The words around them are the page's.
import { CodeViewer } from './code-viewer.js';
import { TraceTimeline } from './timeline.js';
import { checkItem } from './check-list.js';
import { lang, say } from './i18n.js';
import { requireJson } from './http.js';
import { localizeTimes } from './local-time.js';

function renderChecks(list, submission) {
  list.replaceChildren(...submission.checks.map((check, n) => checkItem(check, n, submission.id)));
}

async function show(section) {
  const id = section.dataset.submission;
  const page = {};
  window.threadlabSubmission = page;
  const submission = await requireJson(`/api/submissions/${encodeURIComponent(id)}?lang=${lang}`);
  page.viewer = new CodeViewer(section.querySelector('.code-viewer'), submission.files || {}, section.dataset.filesLabel);
  const message = section.querySelector('.submission-message');
  message.hidden = !submission.message;
  message.textContent = say(submission);
  renderChecks(section.querySelector('ul.grading-checks'), submission);
  const events = await requireJson(`/api/submissions/${encodeURIComponent(id)}/trace`);
  section.querySelector('.no-trace').hidden = events.length > 0;
  if (events.length) {
    page.timeline = new TraceTimeline(section.querySelector('.submission-trace'));
    page.timeline.showStored(id, events);
  }
  page.ready = true;
}

const section = document.querySelector('section.submission-page');
if (section) {
  localizeTimes(section);
  show(section).catch((e) => {
    const message = section.querySelector('.submission-message');
    message.textContent = e.message;
    message.hidden = false;
  });
}
