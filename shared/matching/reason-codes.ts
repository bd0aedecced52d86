/**
 * A match's reasons as the `matches` table keeps them: `trade:trade=moving|sameDistrict:district=361102|daily`
 * — the key's last part and its parameters, about 40 bytes where the JSON took 200. A call list
 * of 200,000 matches stays small enough for the page cache, and a new posting's 400 entries
 * write a few pages instead of hundreds. Keys and values are i18n keys and codes, never text
 * with `|`, `:`, `,` or `=` in it.
 */
import type { MatchReason } from './matcher';

const PREFIX = 'match.reason.';

export function encodeReasons(reasons: readonly MatchReason[]): string {
  // plain concatenation: the re-match packs 200,000 pairs' reasons, which took half as long
  // again with entries, map and join
  let out = '';
  for (let i = 0; i < reasons.length; i++) {
    const r = reasons[i]!;
    if (i > 0) out += '|';
    out += r.key.slice(PREFIX.length);
    let sep = ':';
    if (r.params)
      for (const k in r.params) {
        out += `${sep}${k}=${r.params[k]}`;
        sep = ',';
      }
  }
  return out;
}

export function decodeReasons(text: string): MatchReason[] {
  if (text === '') return [];
  return text.split('|').map((part) => {
    const [key, params] = part.split(':', 2) as [string, string | undefined];
    const reason: MatchReason = { key: `match.reason.${key}` };
    if (params) reason.params = Object.fromEntries(params.split(',').map((p) => p.split('=', 2) as [string, string]));
    return reason;
  });
}
