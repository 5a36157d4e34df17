import { Snippet } from './snippet.js';

for (const host of document.querySelectorAll('div.runnable')) {
  new Snippet(host);
}
