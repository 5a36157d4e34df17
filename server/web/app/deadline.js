// On an exercise of a lesson page, for a logged-in learner: the due date and late policy their classes set (the most
// generous when several do), from /api/exercises/{id}/deadline. Nothing is shown when no class sets one.
import { element } from './dom.js';
import { fetch } from './http.js';
import { t } from './i18n.js';
import { signedIn } from './learner.js';
import { formatTime } from './local-time.js';

/** "Due 12 Dec 2026, 23:59 (Class) · 50 % until 19 Dec 2026, 23:59, then 0", in the reader's time zone. */
function line(deadline) {
  const box = element('p', 'exercise-deadline');
  box.title = deadline.dueAt;
  const late = deadline.lateUntil && deadline.latePercent > 0
    ? t('lateWindow', { percent: deadline.latePercent, until: formatTime(deadline.lateUntil) })
    : t('noLate');
  box.textContent = `${t('deadline', { due: formatTime(deadline.dueAt), className: deadline.className })} · ${late}`;
  return box;
}

async function showDeadline(section) {
  try {
    const response = await fetch(`/api/exercises/${encodeURIComponent(section.dataset.exercise)}/deadline`);
    if (!response.ok) return;
    const { deadline } = await response.json();
    if (deadline) section.querySelector('h2')?.after(line(deadline));
  } catch (e) {
    // Only a courtesy: the exercise works without it.
  }
}

// Anonymous visitors are in no class: no requests for them.
if (signedIn) {
  for (const section of document.querySelectorAll('section.exercise[data-exercise]')) showDeadline(section);
}
