// A logged-in learner's kept runs (/api/runs/history): the run of a snippet's very code, so that after a reload the
// page shows it again. One listing per page, and each kept run fetched at most once, however many snippets ask.
import { sameFiles } from './drafts.js';
import { requireJson } from './http.js';
import { signedIn } from './learner.js';

// The listing has no files, so a candidate is fetched whole (output and trace, up to a megabyte) to compare it;
// the newest few runs of a main class are enough, as the learner's last run of this code is usually among them.
const CANDIDATES = 5;

let listing = null;
const kept = new Map();

/** The newest kept run of this main class whose files equal these, or null (also for anonymous visitors). */
export async function lastRunOf(mainClass, files) {
  if (!signedIn) return null;
  listing ??= requireJson('/api/runs/history').catch(() => []);
  const candidates = (await listing).filter((run) => run.mainClass === mainClass).slice(0, CANDIDATES);
  for (const { id } of candidates) {
    if (!kept.has(id)) kept.set(id, requireJson(`/api/runs/history/${encodeURIComponent(id)}`).catch(() => null));
    const run = await kept.get(id);
    if (run && run.files && sameFiles(run.files, files)) return run;
  }
  return null;
}
