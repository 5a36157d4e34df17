import { Snippet } from './snippet.js';

const snippets = [...document.querySelectorAll('div.runnable')].map((host) => new Snippet(host));
const exercises = [...document.querySelectorAll('section.exercise')].map((host) => new Snippet(host));
// Exposed for browser tests and for the curious learner's console.
window.threadlab = { snippets, exercises };
