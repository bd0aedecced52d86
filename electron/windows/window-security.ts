import type { WindowRole } from './display-assignment';

// Pure predicates behind the shell's navigation and permission handlers. Windows only ever show
// the hall's own pages; anything else (a link in a posting, a redirect, a popup) is refused.

function parse(url: string | undefined | null): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function sameOrigin(a: URL, b: URL): boolean {
  return (a.protocol === 'http:' || a.protocol === 'https:') && a.origin === b.origin;
}

/** Path prefixes each role may be on: a board never wanders into /staff, the kiosk never out of /kiosk. */
const ROLE_PATHS: Record<WindowRole, (path: string) => boolean> = {
  board: (path) => /^\/board\/[^/]+\/?$/.test(path),
  kiosk: (path) => path === '/kiosk' || path.startsWith('/kiosk/'),
  staff: (path) => path === '/staff' || path.startsWith('/staff/'),
};

/** May a window of `role` navigate to `target`? Same origin as the hall and a path of its role. */
export function isNavigationAllowed(target: string, hallUrl: string, role: WindowRole): boolean {
  const to = parse(target);
  const hall = parse(hallUrl);
  if (!to || !hall || !sameOrigin(to, hall)) return false;
  if (to.username || to.password) return false;
  return ROLE_PATHS[role](to.pathname);
}

/**
 * Permissions a role may have, and only for the hall's own origin. Boards and the kiosk need
 * none (no camera, no notifications, no geolocation in a public hall); the staff console may
 * copy text (a posting's id or phone) to the clipboard.
 */
const ROLE_PERMISSIONS: Record<WindowRole, ReadonlySet<string>> = {
  board: new Set(),
  kiosk: new Set(),
  staff: new Set(['clipboard-sanitized-write']),
};

export interface PermissionQuestion {
  permission: string;
  /** URL or origin asking (Electron gives a URL to request handlers, an origin to check handlers). */
  requestingUrl: string | undefined | null;
  /** Role of the window asking, null when the contents are not one of the shell's windows. */
  role: WindowRole | null;
}

/** Deny unless the hall's own page in a known window asks for a permission its role has. */
export function isPermissionAllowed(question: PermissionQuestion, hallUrl: string): boolean {
  if (question.role === null) return false;
  const from = parse(question.requestingUrl);
  const hall = parse(hallUrl);
  if (!from || !hall || !sameOrigin(from, hall)) return false;
  return ROLE_PERMISSIONS[question.role].has(question.permission);
}
