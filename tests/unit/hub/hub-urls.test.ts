/** `--hub URL1,URL2,URL3` on a hall (DESIGN.md: a comma-separated list of hub URLs, tried in turn). */
import { describe, expect, it } from 'vitest';
import { ConfigError, hallOptionsFrom, hubUrlsFrom } from '../../../electron/host/config';

describe('hubUrlsFrom', () => {
  it('keeps the order given, drops trailing slashes, blanks and repeats', () => {
    expect(
      hubUrlsFrom('http://10.0.0.1:4000/, http://10.0.0.2:4000,,http://10.0.0.1:4000,https://hub.example.invalid/'),
    ).toEqual(['http://10.0.0.1:4000', 'http://10.0.0.2:4000', 'https://hub.example.invalid']);
    expect(hubUrlsFrom(undefined)).toEqual([]);
    expect(hubUrlsFrom('')).toEqual([]);
  });

  it('names the part that is not an http(s) URL, and bounds the list', () => {
    expect(() => hubUrlsFrom('http://a:1,nonsense')).toThrow(/got "nonsense"/);
    expect(() => hubUrlsFrom('ftp://a:1')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => hubUrlsFrom(Array.from({ length: 17 }, (_, i) => `http://h${i}:1`).join(','))).toThrow(/at most 16/);
    expect(() => hubUrlsFrom('ftp://a:1')).toThrow(ConfigError);
  });
});

describe('hallOptionsFrom with several hub nodes', () => {
  it('gives the first URL as url and all of them as urls', () => {
    const o = hallOptionsFrom(
      [
        '--hub',
        'http://127.0.0.1:4001,http://127.0.0.1:4002,http://127.0.0.1:4003',
        '--hall-id',
        'h',
        '--hub-token',
        't',
      ],
      {},
    );
    expect(o.hub).toEqual({
      url: 'http://127.0.0.1:4001',
      urls: ['http://127.0.0.1:4001', 'http://127.0.0.1:4002', 'http://127.0.0.1:4003'],
      hallId: 'h',
      token: 't',
    });
  });
});
