import { Snippet } from './snippet.js';
import { installThemeToggle } from './theme.js';
import { lang } from './i18n.js';

installThemeToggle(document.querySelector('button.theme-toggle'));
const lesson = document.querySelector('article.lesson')?.dataset.lesson;
const snippets = [...document.querySelectorAll('div.runnable')]
  .map((host, index) => new Snippet(host, `${lang}.lesson.${lesson}.${index}`));
const exercises = [...document.querySelectorAll('section.exercise')]
  .map((host) => new Snippet(host, `${lang}.exercise.${host.dataset.exercise}`));
// Exposed for browser tests and for the curious learner's console.
window.threadlab = { snippets, exercises };
