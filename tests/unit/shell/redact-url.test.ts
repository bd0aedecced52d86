import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../electron/windows/redact-url';

describe('redactUrl', () => {
  it.each([
    { url: 'http://127.0.0.1:8080/kiosk#device=s3cret', want: 'http://127.0.0.1:8080/kiosk#…' },
    { url: 'http://127.0.0.1:8080/kiosk?x=1#device=s3cret&y=2', want: 'http://127.0.0.1:8080/kiosk?x=1#…' },
    { url: 'http://127.0.0.1:8080/board/1', want: 'http://127.0.0.1:8080/board/1' },
    { url: 'not a url #device=s3cret', want: 'not a url #…' },
    { url: '', want: '' },
  ])('logs $url as $want', ({ url, want }) => {
    expect(redactUrl(url)).toBe(want);
  });
});
