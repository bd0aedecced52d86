/**
 * `POST /api/staff/postings/import?name=<file name>[&dryRun=1]`: the spreadsheet itself is the
 * body (any content type but JSON and multipart; the console sends application/octet-stream).
 * An upload larger than the limit is refused with 413 from its Content-Length, before a byte
 * of it is read, and a chunked one as soon as it passes the limit: nothing is buffered whole.
 * With `&job=<id>` the import's progress is at `GET /api/staff/postings/import/progress/<id>`
 * while it runs and for a while after (the console polls it for its progress bar).
 */
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  onResponseHookHandler,
} from 'fastify';
import { ImportQuerySchema, type ImportReport } from '../../../shared/staff-data-contract';
import { STAFF_DATA_ROUTES } from '../../../shared/api/hall-routes';
import { apiRoute } from '../server/api-route';
import type { PostingStore } from '../db/posting-store';
import { HttpError } from '../server/http-error';
import type { ConsoleRouteDeps } from '../staff/staff-guard';
import { ImportFileError } from './import/detect-file';
import { TEMPLATE_HEADER, templateRows } from './import/import-columns';
import { importPostings } from './import/import-postings';
import type { ReadTable } from './import/import-reader';
import { createImportJobs, type ImportJobs, type ProgressUpdate } from './import/import-jobs';
import Papa from 'papaparse';

/** A 20 000-row sheet is about 3 MB as XLSX and 5 MB as CSV; this leaves room without inviting abuse. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
const LIMIT_TEXT = `${IMPORT_MAX_BYTES / 1024 / 1024} MB`;

export interface ImportRouteDeps extends ConsoleRouteDeps {
  store: PostingStore;
  /** Upper bound of an upload (tests shrink it). */
  maxBytes?: number;
  /** Where uploads are read (the import worker); default the host's thread. */
  readTable?: ReadTable;
  /** Imports running or just done, for their progress (default: a fresh table of this route set). */
  jobs?: ImportJobs;
}

/** Too big to take (413), not a spreadsheet we read (415), or a spreadsheet we could not read safely (422). */
const IMPORT_ERROR_STATUS: Partial<Record<ImportFileError['code'], number>> = {
  too_many_rows: 413,
  unpacked_too_large: 413,
  binary_file: 415,
  unsupported_file: 415,
  ods_file: 415,
  xls_file: 415,
  et_file: 415,
  pdf_file: 415,
  zip_named_csv: 415,
  not_xlsx: 415,
  no_worksheet: 422,
  import_failed: 422,
};

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    'file_too_large',
    `import: the file is larger than ${maxBytes === IMPORT_MAX_BYTES ? LIMIT_TEXT : `${maxBytes} bytes`}; split it into smaller files`,
  );
}

export function importRoutes(deps: ImportRouteDeps) {
  const { guard, audit, clock } = deps;
  const maxBytes = deps.maxBytes ?? IMPORT_MAX_BYTES;
  const jobs = deps.jobs ?? createImportJobs(clock);

  const checkSize: onRequestHookHandler = async (request) => {
    const type = String(request.headers['content-type'] ?? '');
    if (/^multipart\//i.test(type))
      throw new HttpError(
        415,
        'unsupported_upload',
        'import: send the file itself as the request body (application/octet-stream), not a multipart form',
      );
    if (/^application\/json/i.test(type))
      throw new HttpError(415, 'unsupported_upload', 'import: send the spreadsheet file as the body, not JSON');
    const length = Number(request.headers['content-length'] ?? 0);
    if (Number.isFinite(length) && length > maxBytes) throw tooLarge(maxBytes);
  };

  // With `&job=`, the import is watchable from the moment its headers arrive (the upload of a
  // big file takes a moment), until its answer is sent: done, or failed whatever the reason.
  const progressOf = new WeakMap<FastifyRequest, (u: ProgressUpdate) => void>();
  const registerJob: onRequestHookHandler = async (request) => {
    const query = ImportQuerySchema.safeParse(request.query ?? {});
    if (!query.success || !query.data.job) return;
    const update = jobs.start(query.data.job, guard.who(request).accountId, query.data.name, query.data.dryRun);
    if (update) progressOf.set(request, update);
  };
  const endJob: onResponseHookHandler = async (request) => progressOf.get(request)?.({ phase: 'failed' });

  function onError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof HttpError) return error.send(reply);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
      return reply.status(413).send(tooLarge(maxBytes).toBody());
    if (error.statusCode && error.statusCode < 500)
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code ?? 'bad_request', message: `import: ${error.message}` } });
    throw error;
  }

  return (app: FastifyInstance) =>
    app.register(async (scope) => {
      // Only inside this scope: every other route keeps its JSON-only parsing.
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
        done(null, body),
      );

      apiRoute(
        scope,
        STAFF_DATA_ROUTES.postingsImport,
        {
          onRequest: [guard.options().onRequest as onRequestHookHandler, checkSize, registerJob],
          onResponse: endJob,
          bodyLimit: maxBytes,
          errorHandler: onError,
        },
        async (request): Promise<ImportReport> => {
          const who = guard.who(request);
          const parsed = { data: request.query };
          if (!Buffer.isBuffer(request.body) || request.body.length === 0)
            throw new HttpError(400, 'empty_file', 'import: the request has no file in its body');
          const progress = progressOf.get(request);
          let result;
          try {
            result = await importPostings(deps.store, request.body, {
              fileName: parsed.data.name,
              now: clock(),
              dryRun: parsed.data.dryRun,
              ...(deps.readTable ? { readTable: deps.readTable } : {}),
              ...(progress ? { onProgress: progress } : {}),
            });
            progress?.({ phase: 'done' });
          } catch (error) {
            if (error instanceof ImportFileError) {
              throw new HttpError(IMPORT_ERROR_STATUS[error.code] ?? 400, error.code, error.message, {
                ...(error.params ? { params: error.params } : {}),
              });
            }
            throw error;
          }
          const { report } = result;
          audit.record({
            who,
            action: report.dryRun ? 'posting.import_check' : 'posting.import',
            target: parsed.data.name,
            detail: {
              title: parsed.data.name,
              rows: report.rows,
              imported: report.imported,
              unchanged: report.unchanged,
              rejected: report.rejected.length,
            },
            source: request.ip,
          });
          if (report.imported > 0) deps.changed();
          return report;
        },
      );

      apiRoute(scope, STAFF_DATA_ROUTES.importProgress, guard.options(), async (request) => {
        const found = jobs.get(request.params.id, guard.who(request).accountId);
        if (!found)
          throw new HttpError(
            404,
            'import_not_found',
            'no import of yours has this id (finished long ago, or never started)',
          );
        return found;
      });

      apiRoute(scope, STAFF_DATA_ROUTES.importTemplate, guard.options(), async (_request, reply) => {
        // example rows dated from today: imported as they are, they are live postings
        const csv = Papa.unparse([[...TEMPLATE_HEADER], ...templateRows(clock())], { newline: '\r\n' });
        // The BOM makes Excel open the UTF-8 file with the right characters.
        return reply
          .header(
            'content-disposition',
            'attachment; filename="postings-template.csv"; filename*=UTF-8\'\'%E5%B2%97%E4%BD%8D%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.csv',
          )
          .type('text/csv; charset=utf-8')
          .send(`\uFEFF${csv}\r\n`);
      });
    });
}
