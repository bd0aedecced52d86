import { BoardHandshakeSchema } from '../../shared/contract';

/** `/board/7` → `7`; null when the path holds no valid screen id (the page shows a notice). */
export function screenIdFromPath(pathname: string): string | null {
  const match = /^\/board\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return BoardHandshakeSchema.safeParse({ screenId: id }).success ? id : null;
}
