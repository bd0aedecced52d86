/**
 * One HTTP request through node:http, from a chosen local address when asked: a device on the
 * hall network (Linux routes all of 127/8 to the loopback interface, so 127.0.0.2, .3, … play
 * LAN devices with no network set-up). A body goes as JSON; the answer is parsed when there is one.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import type { ResponseJson } from './response-json';

export function httpRequest(
  url: string,
  init: { method: string; body?: unknown; headers?: Record<string, string>; localAddress?: string },
): Promise<{ status: number; headers: IncomingHttpHeaders; json: ResponseJson }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const data = init.body === undefined ? undefined : JSON.stringify(init.body);
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: `${u.pathname}${u.search}`,
        method: init.method,
        ...(init.localAddress ? { localAddress: init.localAddress } : {}),
        headers: {
          ...init.headers,
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : null }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
