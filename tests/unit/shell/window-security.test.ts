import { describe, expect, it } from 'vitest';
import { isNavigationAllowed, isPermissionAllowed } from '../../../electron/windows/window-security';
import type { WindowRole } from '../../../electron/windows/display-assignment';

const HALL = 'http://127.0.0.1:8080';

describe('isNavigationAllowed', () => {
  const cases: { role: WindowRole; url: string; allowed: boolean; why: string }[] = [
    { role: 'board', url: `${HALL}/board/1`, allowed: true, why: 'its own board page' },
    { role: 'board', url: `${HALL}/board/2?debug=1#x`, allowed: true, why: 'another board, with query and hash' },
    { role: 'board', url: `${HALL}/board/1/`, allowed: true, why: 'a trailing slash' },
    { role: 'board', url: `${HALL}/staff`, allowed: false, why: 'a board never opens the staff console' },
    { role: 'board', url: `${HALL}/board/1/../../staff`, allowed: false, why: 'dot segments resolve to /staff' },
    { role: 'board', url: `${HALL}/board`, allowed: false, why: 'no screen id' },
    { role: 'kiosk', url: `${HALL}/kiosk`, allowed: true, why: 'the kiosk start page' },
    {
      role: 'kiosk',
      url: `${HALL}/kiosk#device=abc_DEF-123`,
      allowed: true,
      why: 'the kiosk start page with its device token',
    },
    {
      role: 'board',
      url: `${HALL}/kiosk#device=abc`,
      allowed: false,
      why: 'a board never opens the kiosk, token or not',
    },
    { role: 'kiosk', url: `${HALL}/kiosk/listing/42`, allowed: true, why: 'a kiosk sub-page' },
    { role: 'kiosk', url: `${HALL}/kiosks`, allowed: false, why: 'a look-alike path' },
    { role: 'kiosk', url: `${HALL}/api/listings`, allowed: false, why: 'raw API JSON in the kiosk' },
    { role: 'staff', url: `${HALL}/staff/screens`, allowed: true, why: 'a staff page' },
    { role: 'staff', url: 'http://127.0.0.1:8081/staff', allowed: false, why: 'another port is another origin' },
    { role: 'staff', url: 'http://localhost:8080/staff', allowed: false, why: 'another host name is another origin' },
    { role: 'kiosk', url: 'https://example.com/kiosk', allowed: false, why: 'the internet' },
    { role: 'kiosk', url: 'file:///etc/passwd', allowed: false, why: 'local files' },
    { role: 'kiosk', url: 'javascript:alert(1)', allowed: false, why: 'script URLs' },
    { role: 'kiosk', url: 'http://user:pw@127.0.0.1:8080/kiosk', allowed: false, why: 'credentials in the URL' },
    { role: 'board', url: 'not a url', allowed: false, why: 'garbage' },
    { role: 'board', url: '', allowed: false, why: 'empty' },
  ];

  it.each(cases)('$role → $url: $allowed ($why)', ({ role, url, allowed }) => {
    expect(isNavigationAllowed(url, HALL, role)).toBe(allowed);
  });

  it('refuses everything when the hall URL itself is broken', () => {
    expect(isNavigationAllowed(`${HALL}/board/1`, 'nonsense', 'board')).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  const cases: { role: WindowRole | null; permission: string; from: string | null; allowed: boolean }[] = [
    { role: 'staff', permission: 'clipboard-sanitized-write', from: `${HALL}/staff`, allowed: true },
    { role: 'staff', permission: 'clipboard-sanitized-write', from: HALL, allowed: true },
    { role: 'staff', permission: 'clipboard-read', from: `${HALL}/staff`, allowed: false },
    { role: 'staff', permission: 'clipboard-sanitized-write', from: 'https://evil.example', allowed: false },
    { role: 'board', permission: 'clipboard-sanitized-write', from: `${HALL}/board/1`, allowed: false },
    { role: 'board', permission: 'notifications', from: `${HALL}/board/1`, allowed: false },
    { role: 'kiosk', permission: 'media', from: `${HALL}/kiosk`, allowed: false },
    { role: 'kiosk', permission: 'geolocation', from: `${HALL}/kiosk`, allowed: false },
    { role: 'kiosk', permission: 'openExternal', from: `${HALL}/kiosk`, allowed: false },
    { role: null, permission: 'clipboard-sanitized-write', from: `${HALL}/staff`, allowed: false },
    { role: 'staff', permission: 'clipboard-sanitized-write', from: null, allowed: false },
  ];

  it.each(cases)('$role asking $permission from $from → $allowed', ({ role, permission, from, allowed }) => {
    expect(isPermissionAllowed({ permission, requestingUrl: from, role }, HALL)).toBe(allowed);
  });
});
