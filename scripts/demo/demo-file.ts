/**
 * The committed demo file's recipe: a fixed reference time, count and seed, so regenerating
 * gives the same bytes and git shows only real changes to the generator.
 */
import type { Posting } from '../../shared/schemas/posting';
import { generatePostings } from './generate-postings';
import { generatePulseHistory, type DemoPulseHistory } from './pulse-history';

export const DEMO_REFERENCE_TIME = '2026-11-27T00:00:00+08:00';
export const DEMO_DEFAULT_COUNT = 240;
export const DEMO_DEFAULT_SEED = 20261127;

export interface DemoFileContent {
  generatedAt: string;
  postings: Posting[];
}

export function buildDemoFile(count = DEMO_DEFAULT_COUNT, seed = DEMO_DEFAULT_SEED): DemoFileContent {
  const now = Date.parse(DEMO_REFERENCE_TIME);
  return { generatedAt: new Date(now).toISOString(), postings: generatePostings(count, { seed, now }) };
}

export function serializeDemoFile(content: DemoFileContent): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** The pulse history that goes with the demo postings (assets/demo/pulse-history.json). */
export function buildDemoPulseHistory(count = DEMO_DEFAULT_COUNT, seed = DEMO_DEFAULT_SEED): DemoPulseHistory {
  const now = Date.parse(DEMO_REFERENCE_TIME);
  return generatePulseHistory(buildDemoFile(count, seed).postings, { seed, now });
}
