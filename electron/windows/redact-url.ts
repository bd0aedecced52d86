// Pure: URLs as they may appear in the shell's log. The kiosk window's URL carries the host's
// device token in its fragment; a log line (kept on disk, copied into support tickets) must
// never hold it, so fragments are cut from every URL the shell logs.

/** The URL without its fragment; `#…` marks that one was there. Non-URLs are cut at '#' too. */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : `${url.slice(0, hash)}#…`;
}
