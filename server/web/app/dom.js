// Small DOM helper shared by the page's components.

export function element(tag, className) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}

/**
 * The colour a CSS variable resolves to here, as rgb(): canvas drawing (the timeline) needs real colours, and the
 * page's variables depend on the theme (light-dark()).
 */
export function cssColor(context, variable) {
  const probe = element('span');
  probe.style.color = `var(${variable})`;
  probe.hidden = true;
  context.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}
