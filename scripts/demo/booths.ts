/**
 * Booths for the demo hall (DOMAIN.md: 一家企业一个展位). About a fifth of the enterprises have a
 * booth today; an employer keeps one booth for all its postings, and no two employers share
 * one. Codes are a hall row (A–F) and a stand number (1–30): A12, C7.
 *
 * A random source of its own (seeded from the demo seed), so giving booths does not change
 * any other field of the generated postings.
 */
import type { Posting } from '../../shared/schemas/posting';
import { createRandom } from './prng';

const ROWS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const STANDS = 30;
const BOOTH_SHARE = 0.2;
/** Mixed into the demo seed so this stream differs from the postings' own. */
const SALT = 0xb0_07_4a11;

export function assignBooths(postings: readonly Posting[], seed: number): Posting[] {
  const rng = createRandom((seed ^ SALT) >>> 0);
  const byEmployer = new Map<string, string | null>();
  const free = ROWS.flatMap((r) => Array.from({ length: STANDS }, (_, i) => `${r}${i + 1}`));
  return postings.map((p) => {
    if (p.employerKind !== 'enterprise') return p;
    let booth = byEmployer.get(p.employerName);
    if (booth === undefined) {
      booth = free.length > 0 && rng.chance(BOOTH_SHARE) ? free.splice(rng.int(0, free.length - 1), 1)[0]! : null;
      byEmployer.set(p.employerName, booth);
    }
    return booth === null ? p : { ...p, booth };
  });
}
