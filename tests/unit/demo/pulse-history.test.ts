import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildDemoFile, buildDemoPulseHistory } from '../../../scripts/demo/demo-file';
import { serializePulseHistory } from '../../../scripts/demo/pulse-history';
import { OCCUPATION_CODES } from '../../../shared/occupations';

describe('the demo pulse history', () => {
  const history = buildDemoPulseHistory();

  it('is what assets/demo/pulse-history.json holds, byte for byte', () => {
    const committed = readFileSync(new URL('../../../assets/demo/pulse-history.json', import.meta.url), 'utf8');
    expect(committed).toBe(serializePulseHistory(history));
  });

  it('covers the 89 days before today but four, and five weeks around the same day last year', () => {
    const offsets = history.days.map((d) => d.offset);
    const recent = offsets.filter((o) => o > -90);
    expect(recent).toHaveLength(89 - 4);
    expect(Math.max(...offsets)).toBe(-1);
    for (const o of [-371, -364, -357]) expect(offsets).toContain(o);
    expect(new Set(offsets).size).toBe(offsets.length);
  });

  it('ends near the demo postings’ open headcount, with fewer seekers than jobs where trades are short', () => {
    const now = Date.parse(buildDemoFile().generatedAt);
    const open = Object.fromEntries(OCCUPATION_CODES.map((o) => [o, 0]));
    for (const p of buildDemoFile().postings)
      if (Date.parse(p.validFrom) <= now && Date.parse(p.validUntil) > now) open[p.occupation]! += p.headcount;
    const last = history.days.at(-1)!;
    OCCUPATION_CODES.forEach((o, i) => {
      expect(last.demand[i], o).toBeGreaterThanOrEqual(Math.floor(open[o]! * 0.6));
      expect(last.demand[i], o).toBeLessThanOrEqual(Math.ceil(open[o]! * 1.4));
    });
    const care = OCCUPATION_CODES.indexOf('care');
    const office = OCCUPATION_CODES.indexOf('office');
    expect(last.seekers[care]!).toBeLessThan(last.demand[care]!);
    expect(last.seekers[office]!).toBeGreaterThan(last.demand[office]!);
    const sum = last.seekers.reduce((s, n) => s + n, 0);
    expect(last.seekersTotal).toBeLessThan(sum);
  });
});
