/**
 * Dates and clocks for screens, via Intl with the screen's locale:
 * zh-CN `11月27日 周五` and `14:05`; en `Fri, Nov 27` and `14:05`.
 */
const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  map: Map<string, Intl.DateTimeFormat>,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = map.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    map.set(locale, format);
  }
  return format;
}

/** 24-hour `HH:MM` in every locale: a wall clock must never read "2:05 PM" on one screen and "14:05" on the next. */
export function formatClock(ms: number, locale: string): string {
  return cached(clockFormats, locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** `11月27日 周五` (zh-CN) or `Fri, Nov 27` (en). */
export function formatDateWithWeekday(ms: number, locale: string): string {
  if (locale.startsWith('zh')) {
    const date = cached(dateFormats, locale, { month: 'long', day: 'numeric' }).format(ms);
    const weekday = cached(weekdayFormats, locale, { weekday: 'short' }).format(ms);
    return `${date} ${weekday}`;
  }
  return cached(dateFormats, locale, { weekday: 'short', month: 'short', day: 'numeric' }).format(ms);
}
