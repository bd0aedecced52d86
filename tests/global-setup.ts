/**
 * Runs once before the suite: end-to-end tests serve the built screens, so build them when
 * they are missing or older than their sources (the same check `npm run serve` makes).
 */
import { ensureRenderer } from '../scripts/ensure-renderer.mjs';

export default async function setup(): Promise<void> {
  ensureRenderer();
}
