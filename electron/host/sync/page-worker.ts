/**
 * The sync page worker (a worker thread of the hall host; see page-source.ts). For each stream
 * the host opens it reads the hub's change feed from `since`, checks every page and posts it,
 * never more than the host's credit ahead. It touches no database and holds no state beyond
 * its open streams: killing it loses nothing.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { readPages, serializeError, type FromWorker, type OpenStreamMessage, type ToWorker } from './page-source';

interface OpenStream {
  stop: AbortController;
  credit: number;
  wake: (() => void) | null;
}

/** Linux nice value for this thread (0 is normal, 19 the lowest). */
const WORKER_NICE = 10;

const port = parentPort;
if (!port) throw new Error('page-worker: must run as a worker thread of the hall host');

const streams = new Map<number, OpenStream>();
const post = (message: FromWorker) => port.postMessage(message);

async function serve(open: OpenStreamMessage): Promise<void> {
  const stream: OpenStream = { stop: new AbortController(), credit: open.ahead, wake: null };
  streams.set(open.stream, stream);
  const { signal } = stream.stop;
  try {
    const pages = readPages(open.hub, open.since, { pageSize: open.pageSize, timeoutMs: open.timeoutMs, signal });
    for await (const page of pages) {
      if (signal.aborted) return;
      post({ type: 'page', stream: open.stream, page });
      stream.credit--;
      if (!page.hasMore) return;
      while (stream.credit <= 0 && !signal.aborted) await new Promise<void>((resolve) => (stream.wake = resolve));
      if (signal.aborted) return;
    }
  } catch (error) {
    if (!signal.aborted) post({ type: 'error', stream: open.stream, error: serializeError(error) });
  } finally {
    streams.delete(open.stream);
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'open':
      void serve(message);
      break;
    case 'credit': {
      const stream = streams.get(message.stream);
      if (!stream) break;
      stream.credit++;
      stream.wake?.();
      break;
    }
    case 'close': {
      const stream = streams.get(message.stream);
      if (!stream) break;
      stream.stop.abort();
      stream.wake?.();
      break;
    }
  }
});

/**
 * Checking pages is background work; the host's thread writes them and also serves the boards
 * and kiosks, so on a 2-core hall PC it should win when both want a core (measured: a 100k
 * first sync 0.2 s faster). Only on Linux, where a nice value belongs to one thread; elsewhere
 * the call would lower the whole hall's priority.
 */
if (process.platform === 'linux') {
  try {
    setPriority(WORKER_NICE);
  } catch {
    // not allowed here (a container without CAP_SYS_NICE may still refuse): run at normal priority
  }
}

post({ type: 'ready' });
