// Colours of the timeline: one per thread state (with the legend's words), and a palette for threads in the CPU view.
import { t } from './i18n.js';

export const STATE_COLORS = {
  running: '#2e9d5b',
  ready: '#f0b429',
  blocked: '#d64541',
  waiting: '#4f7cc9',
  sleeping: '#9fb0c8',
  io: '#8e5fc2',
  stopped: '#4a5262',
  paused: '#a0522d',
  starting: '#c9d8c5',
  unknown: '#d9d9d9',
};

export const STATE_LABELS = Object.fromEntries(
  ['running', 'ready', 'blocked', 'waiting', 'sleeping', 'io', 'stopped', 'paused', 'starting', 'unknown'].map((state) => [state, t(`${state}_state`)]));

const THREAD_PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#2f6690', '#8cd17d', '#d37295'];

/** A stable colour per thread, so the same thread looks the same on every CPU. */
export function threadColor(thread) {
  return thread ? THREAD_PALETTE[Math.abs(thread.tid) % THREAD_PALETTE.length] : '#999';
}
