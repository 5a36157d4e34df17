// Who reads the page: the layout writes the logged-in learner's name as <html data-username>, and leaves it out for
// anonymous visitors. Scripts ask here rather than parse the header, so a new header cannot break them.

/** The logged-in learner's username, or null for an anonymous visitor. */
export const username = document.documentElement.dataset.username || null;

export const signedIn = username !== null;

/** The log-in page, coming back to this page afterwards. */
export function loginUrl() {
  return `/login?next=${encodeURIComponent(location.pathname)}`;
}
