/**
 * Seeds the demo postings into an empty hall (standalone mode, first start). The demo file was
 * generated at a fixed time; every timestamp is shifted by (now − generatedAt) so the demo
 * looks fresh on whatever day the hall starts and never expires in front of a visitor.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ListingSchema, describeIssues, type Listing } from '../../../shared/schemas/listing';
import type { ListingStore } from './listing-store';

export class DemoDataError extends Error {
  override readonly name = 'DemoDataError';
}

const DemoFileSchema = z.object({
  generatedAt: z.iso.datetime({ offset: true }),
  listings: z.array(z.unknown()),
});

export interface DemoFile {
  generatedAt: string;
  listings: Listing[];
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
  const listings = parsed.data.listings.map((item, i) => {
    const listing = ListingSchema.safeParse(item);
    if (!listing.success) throw new DemoDataError(`loadDemoFile: ${file}: posting ${i}: ${describeIssues(listing.error)}`);
    return listing.data;
  });
  return { generatedAt: parsed.data.generatedAt, listings };
}

function shift(iso: string, deltaMs: number): string {
  return new Date(Date.parse(iso) + deltaMs).toISOString();
}

/** Moves a posting's validity and update time by `deltaMs`. */
export function rebaseListing(listing: Listing, deltaMs: number): Listing {
  return {
    ...listing,
    validFrom: shift(listing.validFrom, deltaMs),
    validUntil: shift(listing.validUntil, deltaMs),
    updatedAt: shift(listing.updatedAt, deltaMs),
  };
}

/**
 * Upserts the demo postings, rebased to `now`, when the store holds no postings at all (not
 * even expired or hidden ones: a hall that ever had data keeps it). Returns how many it seeded.
 */
export function seedDemoIfEmpty(store: ListingStore, file: string, now: number): number {
  if (store.count() > 0) return 0;
  const demo = loadDemoFile(file);
  const delta = now - Date.parse(demo.generatedAt);
  const listings = demo.listings.map((l) => rebaseListing(l, delta));
  return store.upsertMany(listings).applied;
}
