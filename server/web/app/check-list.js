// One graded check as a list item (✓/✗, name, points, message), the same on the lesson page and on the instructor's
// submission page. Everything is inserted as text: check messages quote the learner's program.
import { element } from './dom.js';
import { say } from './i18n.js';

export function checkItem(check) {
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
  return item;
}
