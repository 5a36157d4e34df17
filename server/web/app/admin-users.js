// The admin's user list (/admin/users): "Make instructor" posts to the role API and redraws the row's roles from
// the answer, in the page's words. The server checks again that the viewer is an admin.
import { requireJson } from './http.js';

// The order the server lists roles in (Role's), whatever order the API's set comes in.
const ROLE_ORDER = ['learner', 'instructor', 'admin'];

async function makeInstructor(section, row) {
  const button = row.querySelector('button.make-instructor');
  const error = section.querySelector('.admin-error');
  button.disabled = true;
  error.hidden = true;
  try {
    const granted = await requireJson(`/api/admin/users/${encodeURIComponent(row.dataset.username)}/roles`,
      { method: 'POST', body: { role: 'instructor' } });
    row.querySelector('.roles').textContent = roleNames(section, granted.roles);
    button.remove();
  } catch (e) {
    error.textContent = `${row.dataset.username}: ${e.message}`;
    error.hidden = false;
    button.disabled = false;
  }
}

/** The roles as the server drew them: in Role's order, in the page's language, comma-separated. */
function roleNames(section, roles) {
  const label = (role) => section.dataset[`role${role[0].toUpperCase()}${role.slice(1)}`] ?? role;
  return ROLE_ORDER.filter((role) => roles.includes(role)).map(label).join(', ');
}

const section = document.querySelector('section.admin-users');
if (section) {
  for (const row of section.querySelectorAll('tr[data-username]')) {
    row.querySelector('button.make-instructor')?.addEventListener('click', () => makeInstructor(section, row));
  }
}
