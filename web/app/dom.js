// Small DOM helper shared by the page's components.

export function element(tag, className) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}
