/** Remote addresses as Node reports them (`::ffff:` prefixes included). */

/** The hall PC itself: its Electron windows and a browser on it. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}
