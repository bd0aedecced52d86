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

  it('casts no response in the staff, kiosk and board clients: the schema of the entry parses it', () => {
    const clients = [
      'renderer/staff/staff-api.ts',
      'renderer/staff/data-api.ts',
      'renderer/kiosk/kiosk-api.ts',
      'renderer/board/board-pairing.ts',
    ];
    for (const file of [...clients, ...files.filter((f) => f.startsWith('renderer/staff/'))]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\bas T\b|data as |\.json\(\)\) as |api<[A-Z]/);
    }
    // The one client parses every JSON answer with the entry's schema before handing it on.
    expect(readFileSync('renderer/common/api-client.ts', 'utf8')).toMatch(/z\.safeParse\(route\.response, body\)/);
  });
});
