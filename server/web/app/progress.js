// The progress line under the editor: queued (with position), compiling, running with a live clock, then the
// final status with exit code and duration.
import { t } from './i18n.js';

const STATUS_TEXT = {
  QUEUED: 'queued',
  COMPILING: 'compiling',
  RUNNING: 'running',
  FINISHED: 'finished',
  COMPILE_ERROR: 'compileError',
  TIMED_OUT: 'timedOut',
  MEMORY_LIMIT: 'memoryLimit',
  OUTPUT_LIMIT: 'outputLimit',
  DEADLOCK: 'deadlock',
  CANCELLED: 'cancelled',
  ERROR: 'error',
};

export class ProgressLine {
  constructor(element) {
    this.element = element;
    this.clock = null;
  }

  text(text) {
    this.stopClock();
    this.element.textContent = text;
  }

  /** A status event of the run. */
  status(event) {
    if (event.status === 'RUNNING') {
      this.startClock();
    } else if (event.status === 'QUEUED' && event.queuePosition) {
      this.text(t('queuedAt', { position: event.queuePosition }));
    } else {
      this.text(statusText(event.status));
    }
  }

  /** The exit event: final status, exit code when the program ended by itself, duration; after a label if given. */
  exit(event, label) {
    const parts = label ? [label, statusText(event.status)] : [statusText(event.status)];
    if (event.status === 'FINISHED') parts.push(t('exitCode', { code: event.exitCode }));
    if (event.durationMs != null) parts.push(formatDuration(event.durationMs));
    this.text(parts.join(' · '));
  }

  startClock() {
    if (this.clock) return;
    const started = performance.now();
    const tick = () => {
      this.element.textContent = `${t('running')} ${formatDuration(performance.now() - started)}`;
    };
    tick();
    this.clock = setInterval(tick, 100);
  }

  stopClock() {
    clearInterval(this.clock);
    this.clock = null;
  }
}

function statusText(status) {
  return STATUS_TEXT[status] ? t(STATUS_TEXT[status]) : status;
}

function formatDuration(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
