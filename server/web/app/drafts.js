// Drafts: what the learner typed survives a reload, per snippet, until Reset puts the starter back.
const PREFIX = 'threadlab.draft.';
const SAVE_AFTER_MS = 400;

export class DraftStore {
  /**
   * key: unique per snippet and page language (lesson examples carry translated comments). The starter's
   * fingerprint is part of the key, so after an instructor changes an example, no old draft lands on a different
   * program.
   */
  constructor(key, starter) {
    this.key = `${PREFIX}${key}.${fingerprint(starter)}`;
    this.timer = null;
  }

  /** The saved files by name, or null. */
  load() {
    try {
      const saved = JSON.parse(localStorage.getItem(this.key));
      return saved && typeof saved.files === 'object' ? saved.files : null;
    } catch (e) {
      return null; // storage disabled or a damaged entry: start from the starter
    }
  }

  /** Saves soon (typing saves once per pause); files equal to the starter remove the draft. */
  save(files, starter) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(files(), starter), SAVE_AFTER_MS);
  }

  write(files, starter) {
    try {
      if (sameFiles(files, starter)) localStorage.removeItem(this.key);
      else localStorage.setItem(this.key, JSON.stringify({ files, savedAt: Date.now() }));
    } catch (e) {
      // Storage full or disabled: the editor keeps working, only the draft is not kept.
    }
  }

  clear() {
    clearTimeout(this.timer);
    try {
      localStorage.removeItem(this.key);
    } catch (e) {
      // nothing stored
    }
  }
}

function sameFiles(a, b) {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => a[name] === b[name]);
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
