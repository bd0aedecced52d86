import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { describeIssues } from '../../../shared/schemas/posting';

/** A hall config file (screens.json, hall.json) that cannot be used: the host stops with this message. */
export class ScreenConfigError extends Error {
  override name = 'ScreenConfigError';
}

/** Reads and validates one JSON config file; `who` names the caller in the message. */
export function readConfigFile<S extends z.ZodType>(file: string, schema: S, who: string): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ScreenConfigError(`${who}: ${file} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ScreenConfigError(`${who}: ${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
