/**
 * Every error code the hall host answers with has a zh-CN and an English text in the screens'
 * catalogue (`apiError.<code>`), so a failed call never shows the host's English message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '../../../renderer/common/locales/zh-CN.json' with { type: 'json' };
import en from '../../../renderer/common/locales/en.json' with { type: 'json' };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Codes written as literals where the host builds an error answer. */
function hostCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sources('electron/host')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new HttpError\(\s*\d+,\s*'([a-z_]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/bodyError: '([a-z_]+)'/g)) codes.add(m[1]!);
  }
  for (const m of readFileSync('shared/api/kiosk-routes.ts', 'utf8').matchAll(/bodyError: '([a-z_]+)'/g))
    codes.add(m[1]!);
  return codes;
}

describe('API error texts', () => {
  it('finds the host codes it checks', () => {
    expect(hostCodes().size).toBeGreaterThan(25);
  });

  it.each([
    ['zh-CN', zhCN.apiError as Record<string, string>],
    ['en', en.apiError as Record<string, string>],
  ])('%s has a text for every host code and the client codes', (_locale, table) => {
    const wanted = [
      ...hostCodes(),
      'invalid_query',
      'invalid_params',
      'offline',
      'http_error',
      'bad_response',
      'unexpected',
      'fallback',
    ];
    expect(wanted.filter((code) => !table[code])).toEqual([]);
  });

  it('zh-CN texts are Chinese', () => {
    for (const [code, text] of Object.entries(zhCN.apiError as Record<string, string>)) {
      expect(/[\u4e00-\u9fff]/.test(text), code).toBe(true);
    }
  });
});
