// Times the server writes as <time datetime="ISO">, shown in the reader's time zone and the page's language.

/** An ISO instant as the reader reads times: their time zone, the page's language; null when it is no time. */
export function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short' })
    .format(date);
}

/** Every <time datetime> in the section, in the reader's time zone and the page's language. */
export function localizeTimes(root) {
  for (const time of root.querySelectorAll('time[datetime]')) {
    const text = formatTime(time.dateTime);
    if (text) {
      time.title = time.dateTime;
      time.textContent = text;
    }
  }
}
