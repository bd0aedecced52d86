/**
 * Bearer tokens (`Authorization: Bearer <token>`), as staff sessions and paired kiosks send
 * them: the token, and the holder it names or the refusal that says what to do.
 */
import { HttpError } from './http-error';

type Refusal = readonly [status: number, code: string, message: string];

/** The token of an `Authorization: Bearer …` header; undefined when there is none or it is malformed. */
export function bearerOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S{1,200})$/i.exec(value) : null;
  return match?.[1];
}

/** Whoever `find` says holds the header's token; refused with `missing` without one, `unknown` when none holds it. */
export function bearerHolder<T>(
  header: string | string[] | undefined,
  find: (token: string) => T | null | undefined,
  refusals: { missing: Refusal; unknown: Refusal },
): T {
  const token = bearerOf(header);
  if (!token) throw new HttpError(...refusals.missing);
  const holder = find(token);
  if (!holder) throw new HttpError(...refusals.unknown);
  return holder;
}
