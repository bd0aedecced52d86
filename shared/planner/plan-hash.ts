/**
 * FNV-1a over the UTF-16 code units of a string, run twice with different offset bases for a
 * 64-bit id: plenty to tell plans apart in heartbeats, deterministic and dependency-free.
 */
export function planHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
