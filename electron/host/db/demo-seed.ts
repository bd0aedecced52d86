/**
 * Seeds the demo postings into an empty hall (standalone mode, first start). The demo file was
 * generated at a fixed time; every timestamp is shifted by (now − generatedAt) so the demo
 * looks fresh on whatever day the hall starts and never expires in front of a visitor.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PostingSchema, describeIssues, type Posting } from '../../../shared/schemas/posting';
import type { PostingStore } from './posting-store';

export class DemoDataError extends Error {
  override readonly name = 'DemoDataError';
}

const DemoFileSchema = z.object({
  generatedAt: z.iso.datetime({ offset: true }),
  postings: z.array(z.unknown()),
});

export interface DemoFile {
  generatedAt: string;
  postings: Posting[];
}

/** Reads and validates the demo file; every posting must pass the shared ListingSchema. */
export function loadDemoFile(file: string): DemoFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DemoDataError(`loadDemoFile: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = DemoFileSchema.safeParse(raw);
  if (!parsed.success) throw new DemoDataError(`loadDemoFile: ${file}: ${describeIssues(parsed.error)}`);
  const postings = parsed.data.postings.map((item, i) => {
    const posting = PostingSchema.safeParse(item);
    if (!posting.success)
      throw new DemoDataError(`loadDemoFile: ${file}: posting ${i}: ${describeIssues(posting.error)}`);
    return posting.data;
  });
  return { generatedAt: parsed.data.generatedAt, postings };
}

function shift(iso: string, deltaMs: number): string {
  return new Date(Date.parse(iso) + deltaMs).toISOString();
}

/** Moves a posting's validity and update time by `deltaMs`. */
export function rebasePosting(posting: Posting, deltaMs: number): Posting {
  return {
    ...posting,
    validFrom: shift(posting.validFrom, deltaMs),
    validUntil: shift(posting.validUntil, deltaMs),
    updatedAt: shift(posting.updatedAt, deltaMs),
  };
}

/**
 * Upserts the demo postings, rebased to `now`, when the store holds no postings at all (not
 * even expired or hidden ones: a hall that ever had data keeps it). Returns how many it seeded.
 */
export function seedDemoIfEmpty(store: PostingStore, file: string, now: number): number {
  if (store.count() > 0) return 0;
  const demo = loadDemoFile(file);
  const delta = now - Date.parse(demo.generatedAt);
  const postings = demo.postings.map((l) => rebasePosting(l, delta));
  return store.upsertMany(postings).applied;
}
