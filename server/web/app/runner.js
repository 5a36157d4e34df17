// Talks to the run API: submits a program, then streams its events over the run's WebSocket.
import { fetch } from './http.js';
import { say, t } from './i18n.js';

/**
 * Options: stdin (all of the program's input at once), trace (false turns the scheduling trace off), jdk (21 or 25;
 * the server's default when absent).
 */
export async function submitRun(files, mainClass, { stdin, trace, jdk } = {}) {
  const body = { language: 'java', files, mainClass };
  if (stdin !== undefined) body.stdin = stdin;
  if (jdk) body.jdk = Number(jdk);
  if (trace === false) body.trace = false;
  let response;
  try {
    response = await fetch('/api/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new Error(t('unreachable'));
  }
  const json = await response.json().catch(() => ({}));
  if (response.status !== 202) {
    throw new Error(json.error ? say(json) : t('refusedRun', { status: response.status }));
  }
  return json.id;
}

/** Opens the run's WebSocket; onEvent gets every message, the last one has type "exit". */
export function watchRun(id, onEvent, onDisconnect) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/ws/runs/${encodeURIComponent(id)}`);
  let ended = false;
  socket.addEventListener('message', (message) => {
    const event = JSON.parse(message.data);
    if (event.type === 'exit') ended = true;
    onEvent(event);
  });
  socket.addEventListener('close', () => {
    if (!ended) onDisconnect();
  });
  return {
    cancel: () => send(socket, { type: 'cancel' }),
    stdin: (data, eof = false) => send(socket, { type: 'stdin', data, eof }),
    close: () => socket.close(),
  };
}

function send(socket, message) {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}
