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

/** The tab buttons of a multi-file editor: one per file name, the current one selected. */
export function fileTabs(names, current, onSelect) {
  return names.map((name) => {
    const tab = element('button', 'snippet-tab');
    tab.type = 'button';
    tab.textContent = name;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-selected', String(name === current));
    tab.addEventListener('click', () => onSelect(name));
    return tab;
  });
}
