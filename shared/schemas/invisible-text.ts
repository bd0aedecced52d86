/**
 * Characters that draw nothing but change what a screen shows: bidi embeddings, overrides and
 * isolates (U+202A–202E, U+2066–2069) and the marks U+200E, U+200F, U+061C reorder text, so
 * "急招" can be stored as "\u202E招急" and read backwards on a wall; zero-width characters
 * (U+200B–200D, U+2060, U+FEFF) hide inside words and defeat search and duplicate checks.
 * Every text a board, kiosk or console shows goes through one of the shared schemas, and
 * they strip these at the edge, before anything is stored.
 */
import { z } from 'zod';

export const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}

/** Text as people type it into a form or a file: the characters above stripped, then trimmed. */
export function typedText() {
  return z.string().overwrite(stripInvisible).trim();
}
