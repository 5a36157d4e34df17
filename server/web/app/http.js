// The page's requests to its own server. The server refuses (403) a state-changing request that rides on this
// browser's cookies without proof that this page sent it: the CSRF token, which the server puts in the readable cookie
// csrf-token and expects back in the X-CSRF-TOKEN header. Another site can make the browser send the cookie, but
// cannot read it to copy it into a header.
import { say, t } from './i18n.js';

const COOKIE = 'csrf-token';
const HEADER = 'X-CSRF-TOKEN';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token of the csrf-token cookie, or null before the server has issued one. */
export function csrfToken() {
  const entry = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  return entry ? decodeURIComponent(entry.slice(COOKIE.length + 1)) : null;
}

/** window.fetch, with the CSRF header on every request that may change something (POST, PUT, DELETE, …). */
export function fetch(resource, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const token = csrfToken();
  if (SAFE.has(method) || !token) return window.fetch(resource, options);
  const headers = new Headers(options.headers);
  headers.set(HEADER, token);
  return window.fetch(resource, { ...options, headers });
}

/**
 * A JSON request through fetch above: {ok, status, body}, body being the response's JSON ({} when it has none, e.g.
 * 204). A network failure still throws, so callers can tell "the server said no" from "no server".
 */
export async function fetchJson(url, { method = 'GET', body } = {}) {
  const options = body === undefined ? { method }
    : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(url, options);
  const json = response.status === 204 ? {} : await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, body: json };
}

/** Why fetchJson's response is a refusal, in the page's language: the server's message, else the HTTP status. */
export function refusal({ status, body }) {
  return body.error ? say(body) : t('refused', { status });
}

/** fetchJson for callers that treat any refusal as an error: the body, or an Error with the server's message. */
export async function requireJson(url, request) {
  const response = await fetchJson(url, request);
  if (!response.ok) throw new Error(refusal(response));
  return response.body;
}
