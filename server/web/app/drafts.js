// Drafts: what the learner typed survives a reload, per snippet, until Reset puts the starter back. Every visitor
// keeps a copy in this browser (localStorage: instant, and it survives a lost connection); a logged-in learner's
// drafts are also saved on the server (/api/drafts), so they follow the learner to another browser or device, and
// on load the server's copy wins when it is newer than this browser's.
import { fetch } from './http.js';
import { username } from './learner.js';

const PREFIX = 'threadlab.draft.';
const SAVE_AFTER_MS = 400;
// The server's rule for a draft's key.
const KEY_LENGTH = 200;
const KEY_CHARS = /[^A-Za-z0-9:._-]/g;

export class DraftStore {
  /**
   * key: unique per snippet and page language (lesson examples carry translated comments). The starter's
   * fingerprint is part of the key, so after an instructor changes an example, no old draft lands on a different
   * program. onReplaced: called when a save of this tab overwrote a newer one from another tab or device.
   */
  constructor(key, starter, { onReplaced = () => {} } = {}) {
    const hash = fingerprint(starter);
    this.starter = starter;
    this.anonymousKey = `${PREFIX}${key}.${hash}`;
    // A logged-in learner's copy is kept apart, so that on a shared computer the next visitor does not get it.
    this.localKey = username ? `${PREFIX}user.${username}.${key}.${hash}` : this.anonymousKey;
    this.serverKey = username ? serverKey(key, hash) : null;
    this.onReplaced = onReplaced;
    this.version = null; // the server's version of this draft that this tab last loaded or saved
    this.local = null; // this browser's copy as load() found it
    this.waiting = null; // the files to save when the typing pause is over
    this.saving = Promise.resolve(); // server saves go one after another, each based on the version before
    this.timer = null;
    this.muted = false;
    this.touched = false;
    // A reload within the pause after the last keystroke would lose it otherwise.
    addEventListener('pagehide', () => this.flush(true));
  }

  /** This browser's saved files by name, or null; for a logged-in learner, else what they typed before logging in. */
  load() {
    this.local = readLocal(this.localKey) ?? (this.serverKey ? readLocal(this.anonymousKey) : null);
    return this.local ? this.local.files : null;
  }

  /**
   * For a logged-in learner, once the editor shows load()'s files: the server's draft when it is newer than this
   * browser's copy, put into the editor by apply(files) unless the learner has started typing. Resolves with true
   * when it did. A copy only this browser has (typed before logging in, or while offline) goes up to the server.
   */
  async restore(current, apply) {
    if (!this.serverKey) return false;
    let saved;
    try {
      saved = await getDraft(this.serverKey);
    } catch (e) {
      return false; // server unreachable: this browser's copy stays, and the next save tries again
    }
    const local = this.local;
    // A save of this tab may have answered first, with a newer version than this answer knows.
    if (saved && !(this.version >= saved.version)) this.version = saved.version;
    if (saved && !(local?.version >= saved.version)) {
      if (this.touched || sameFiles(saved.files, current())) return false;
      this.muted = true; // the editor's change events would save the draft straight back
      try {
        apply(saved.files);
      } finally {
        this.muted = false;
      }
      this.writeLocal(saved.files);
      return true;
    }
    if (local && !this.touched && !sameFiles(local.files, saved ? saved.files : this.starter)) {
      this.upload(local.files);
    }
    return false;
  }

  /** Saves soon (typing saves once per pause); files: a function that gives the files at saving time. */
  save(files) {
    if (this.muted) return;
    this.touched = true;
    this.waiting = files;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(false), SAVE_AFTER_MS);
  }

  /** Writes a waiting save now; leaving: the page is going away, so the server save must outlive it. */
  flush(leaving) {
    clearTimeout(this.timer);
    if (!this.waiting) return;
    const files = this.waiting();
    this.waiting = null;
    this.writeLocal(files);
    if (leaving) this.put(files, true);
    else this.upload(files);
  }

  /** Reset: this browser's copy is dropped and the server's becomes the starter, so other devices reset too. */
  clear() {
    clearTimeout(this.timer);
    this.waiting = null;
    this.writeLocal(this.starter);
    this.upload(this.starter);
  }

  /** This browser's copy, with the server version it already includes; files equal to the starter remove it. */
  writeLocal(files) {
    try {
      if (sameFiles(files, this.starter)) localStorage.removeItem(this.localKey);
      else localStorage.setItem(this.localKey, JSON.stringify({ files, version: this.version, savedAt: Date.now() }));
    } catch (e) {
      // Storage full or disabled: the editor keeps working, only this browser's copy is not kept.
    }
  }

  upload(files) {
    if (!this.serverKey) return;
    // A starter over no server draft would store nothing worth keeping.
    if (this.version === null && sameFiles(files, this.starter)) return;
    this.saving = this.saving.then(() => this.put(files, false));
  }

  async put(files, keepalive) {
    try {
      const response = await fetch(`/api/drafts/${encodeURIComponent(this.serverKey)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ files, baseVersion: this.version }),
        keepalive,
      });
      if (!response.ok) return; // e.g. logged out in another tab: this browser's copy still holds the draft
      const saved = await response.json();
      this.version = saved.version;
      this.markLocalVersion();
      if (saved.replacedNewer) this.onReplaced();
    } catch (e) {
      // Offline: this browser's copy is kept, and the next save tries again.
    }
  }

  /**
   * Records in this browser's copy that it includes the server version just saved. The copy may already hold newer
   * typing than that save; it is then still no older than the server's, and wins on the next load.
   */
  markLocalVersion() {
    const entry = readLocal(this.localKey);
    if (!entry) return;
    try {
      localStorage.setItem(this.localKey, JSON.stringify({ ...entry, version: this.version }));
    } catch (e) {
      // as in writeLocal
    }
  }
}

/** Whether two sets of files have the same names and texts. */
export function sameFiles(a, b) {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
}

/** {files, version, savedAt} from localStorage, or null. */
function readLocal(key) {
  try {
    const saved = JSON.parse(localStorage.getItem(key));
    return saved && typeof saved.files === 'object' ? saved : null;
  } catch (e) {
    return null; // storage disabled or a damaged entry: start from the starter
  }
}

/** The server's draft, or null when there is none; throws when the server cannot tell. */
async function getDraft(key) {
  const response = await fetch(`/api/drafts/${encodeURIComponent(key)}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/** The local key in the server's alphabet, shortened to its length if need be; the fingerprint always stays. */
function serverKey(key, hash) {
  return `${key.replace(KEY_CHARS, '_').slice(0, KEY_LENGTH - hash.length - 1)}.${hash}`;
}

/** FNV-1a over the file names and texts: short, stable, enough to tell two starters apart. */
function fingerprint(files) {
  let hash = 0x811c9dc5;
  for (const [name, text] of Object.entries(files)) {
    for (const ch of `${name}\u0000${text}\u0000`) {
      hash = Math.imul(hash ^ ch.codePointAt(0), 0x01000193) >>> 0;
    }
  }
  return hash.toString(36);
}
