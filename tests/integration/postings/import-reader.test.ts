/**
 * The import worker reads a spreadsheet exactly as the host's thread would, from source (tsx)
 * and from the bundle the packaged app ships; a worker that runs out of its memory cap or time
 * refuses the file (422) and the host lives on; a worker that cannot start leaves the reading
 * to the host's thread.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildImportTableWorker } from '../../../scripts/build-electron.mjs';
import { createImportReader, defaultImportWorker } from '../../../electron/host/postings/import/import-reader';
import { readFile } from '../../../electron/host/postings/import/read-file';
import { ImportFileError } from '../../../electron/host/postings/import/detect-file';
import { gbkCsv, sheetRows, utf8Csv, xlsx } from '../../fixtures/import/import-sheets';
import { tmpDir } from '../../support/tmp-dir';

const NOW = Date.now();

async function files(): Promise<Array<[string, Buffer]>> {
  return [
    ['岗位.xlsx', await xlsx(sheetRows(NOW))],
    ['岗位.csv', gbkCsv(sheetRows(NOW))],
  ];
}

describe('the import worker', () => {
  it('reads what the host thread reads, from source and from the bundle', async () => {
    const bundle = await buildImportTableWorker({ outDir: join(tmpDir('import-worker-bundle-'), 'dist-electron') });
    for (const script of [defaultImportWorker()!, { source: pathToFileURL(bundle) }]) {
      const read = createImportReader({ worker: script });
      for (const [name, buf] of await files()) expect(await read(buf, name)).toEqual(await readFile(buf, name));
    }
  });

  it('passes on the file’s own problems as they are', async () => {
    const read = createImportReader({ worker: defaultImportWorker() });
    await expect(read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'old.xls')).rejects.toMatchObject({
      code: 'xls_file',
    });
  });

  it('refuses a file whose reading exceeds the worker’s memory cap or time, and the host lives on', async () => {
    const big = utf8Csv([sheetRows(NOW)[0]!, ...Array.from({ length: 20_000 }, () => sheetRows(NOW)[1]!)]);
    const tiny = createImportReader({ worker: defaultImportWorker(), maxHeapMb: 16 });
    const error = await tiny(big, '岗位.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: 'import_failed' });
    expect((error as Error).message).toMatch(/内存或时间/);
    const slow = createImportReader({ worker: defaultImportWorker(), timeoutMs: 1 });
    await expect(slow(big, '岗位.csv')).rejects.toMatchObject({ code: 'import_failed' });
  });

  it('reads on the host thread when the worker cannot start', async () => {
    const read = createImportReader({
      worker: { source: pathToFileURL(join(tmpDir('no-import-worker-'), 'missing.cjs')) },
    });
    const [name, buf] = (await files())[0]!;
    expect(await read(buf, name)).toEqual(await readFile(buf, name));
  });
});
