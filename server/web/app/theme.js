// Light or dark: the learner's choice, kept in a cookie so the server renders it before the first paint (no flash),
// else the system's setting. Components that draw on a canvas listen for changes and redraw.
const COOKIE = 'threadlab_theme';
const systemDark = matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set();

export function currentTheme() {
  return document.documentElement.dataset.theme || (systemDark.matches ? 'dark' : 'light');
}

export function onThemeChange(listener) {
  listeners.add(listener);
}

export function setTheme(theme) {
  document.documentElement.dataset.theme = theme;
  document.cookie = `${COOKIE}=${theme}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  notify();
}

function notify() {
  const theme = currentTheme();
  for (const listener of listeners) listener(theme);
}

systemDark.addEventListener('change', () => {
  if (!document.documentElement.dataset.theme) notify();
});

/** The header's button: pressed means dark. */
export function installThemeToggle(button) {
  if (!button) return;
  const show = (theme) => button.setAttribute('aria-pressed', String(theme === 'dark'));
  show(currentTheme());
  onThemeChange(show);
  button.addEventListener('click', () => setTheme(currentTheme() === 'dark' ? 'light' : 'dark'));
}
