/**
 * What a posting's free-text work time (`workTime`, e.g. "每晚18:00-22:00", "早7点到晚6点",
 * "夜班22:00-次日6:00", "周末全天", "时间自由") says that matching needs: how many hours a day,
 * whether it is evening work, which days, and whether the times are up to the worker. Postings
 * carry no structured hours (DOMAIN.md: `workTime` is text), so this reads what halls write;
 * what it cannot read stays unknown (null), and unknown never counts against a posting.
 */

export type WorkDays = 'weekdays' | 'weekends' | 'every-day' | 'unknown';

export interface WorkTime {
  /** Hours a day from the time ranges ("8:00-18:00" → 10), or "12小时"; null when none is written. */
  hours: number | null;
  evening: boolean;
  days: WorkDays;
  /** 时间自由, 随叫随到, 按单: the worker chooses when. */
  flexible: boolean;
}

/** Hours a working day is taken to have when the posting does not say (元/时 → 元/天). */
export const DEFAULT_DAY_HOURS = 8;

const CLOCK = String.raw`(早上?|上午|中午|下午|晚上?|夜|次日|凌晨)?\s*(\d{1,2})(?:[:：](\d{2})|点(半)?)`;
const RANGE = new RegExp(`${CLOCK}\\s*(?:-|–|—|~|～|到|至)\\s*${CLOCK}`, 'g');
const HOURS_WORD = /(\d{1,2})\s*(?:个)?小时/;

function clock(prefix: string | undefined, hour: string, minute: string | undefined, half: string | undefined): number {
  let h = Number(hour) + (minute ? Number(minute) / 60 : half ? 0.5 : 0);
  if ((prefix === '下午' || prefix?.startsWith('晚') || prefix === '夜') && h < 12) h += 12;
  if (prefix === '中午' && h < 11) h += 12;
  if (prefix === '次日') h += 24;
  return h;
}

/** Reads a posting's work time text. Pure and cheap: the matcher calls it once per posting. */
export function readWorkTime(text: string): WorkTime {
  let hours = 0;
  let ranges = 0;
  let evening = /每晚|晚班|夜班|晚课|晚高峰|晚上|夜宵/.test(text);
  for (const m of text.matchAll(RANGE)) {
    const start = clock(m[1], m[2]!, m[3], m[4]);
    let end = clock(m[5], m[6]!, m[7], m[8]);
    if (end <= start) end += 24;
    if (end - start > 16) continue;
    hours += end - start;
    ranges += 1;
    if (start >= 17 || end > 24) evening = true;
  }
  const word = HOURS_WORD.exec(text);
  const stated = ranges > 0 ? hours : word ? Number(word[1]) : /全天/.test(text) ? DEFAULT_DAY_HOURS : null;
  const weekends = /周末|周六|周日|双休日|星期六|星期天/.test(text);
  const weekdays = /工作日|周一至周五|周一到周五/.test(text);
  const everyDay = /做六休一|两班倒|倒班|长期|每天|天天|包吃住|长白班/.test(text);
  const days: WorkDays =
    weekends && !weekdays
      ? 'weekends'
      : weekdays && !weekends
        ? 'weekdays'
        : everyDay || (weekdays && weekends)
          ? 'every-day'
          : 'unknown';
  return {
    hours: stated !== null && stated > 0 && stated <= 16 ? Math.round(stated * 10) / 10 : null,
    evening,
    days,
    flexible: /时间自由|随叫随到|按单|灵活|自由安排/.test(text),
  };
}
