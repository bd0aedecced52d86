/**
 * The screens reach the host only through the route map: no literal API path in renderer/,
 * and no response cast to a type (`as T`) in the clients — the map's schema parses it instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(path) ? [path] : [];
  });
}

describe('renderer use of the route map', () => {
  const files = sources('renderer');

  it('reads the renderer sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no literal API path in code', () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        .filter(({ line }) => /['"`]\/(api|healthz)\b/.test(line)),
    );
    expect(hits).toEqual([]);
  });

  it('casts no response in the API clients', () => {
    for (const file of ['renderer/common/api-client.ts', 'renderer/staff/staff-api.ts', 'renderer/staff/data-api.ts', 'renderer/kiosk/kiosk-api.ts']) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\bas T\b|data as |\(await [^)]*\.json\(\)\) as /);
      expect(text, file).not.toMatch(/api<[A-Z]/);
    }
  });
});
