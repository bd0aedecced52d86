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
  return reasons
    .map((r) => {
      const key = r.key.slice(PREFIX.length);
      const params = r.params ? Object.entries(r.params).map(([k, v]) => `${k}=${v}`) : [];
      return params.length > 0 ? `${key}:${params.join(',')}` : key;
    })
    .join('|');
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
