import { describe, expect, it } from 'vitest';
import {
  decideDisplayServer,
  explicitOzonePlatform,
  launchDisplayServerArgs,
} from '../../../electron/windows/display-server';

// Electron ≥ 38 runs natively on Wayland when XDG_SESSION_TYPE=wayland, where window positions
// are ignored (electron#48833, #48749); the platform is fixed before main.js runs, so only the
// command line can switch it. These are the decisions main.ts and npm start act on.

const gnomeWayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' };
const x11 = { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' };
const app = ['/opt/Hall Board/hall-board'];

describe('decideDisplayServer (main, before ready)', () => {
  it.each([
    {
      name: 'Windows: nothing to decide',
      platform: 'win32' as const,
      env: gnomeWayland,
      argv: app,
      chosen: '',
      action: 'keep',
      log: null,
    },
    {
      name: 'an X11 session stays on X11, silently',
      platform: 'linux' as const,
      env: x11,
      argv: app,
      chosen: 'x11',
      action: 'keep',
      log: null,
    },
    {
      name: 'a GNOME Wayland session relaunches once on X11',
      platform: 'linux' as const,
      env: gnomeWayland,
      argv: app,
      chosen: 'wayland',
      action: 'relaunch',
      log: /^Wayland session: restarting once with --ozone-platform=x11/,
    },
    {
      name: 'Chromium chose Wayland from its socket alone: relaunch too',
      platform: 'linux' as const,
      env: { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' },
      argv: app,
      chosen: 'wayland',
      action: 'relaunch',
      log: /restarting once/,
    },
    {
      name: 'after the relaunch (or from npm start, the .desktop entry, the unit) it says it runs on X11',
      platform: 'linux' as const,
      env: gnomeWayland,
      argv: [...app, '--ozone-platform=x11'],
      chosen: 'x11',
      action: 'keep',
      log: /^Wayland session: Chromium runs on X11 \(XWayland\).*--ozone-platform=wayland keeps native Wayland$/,
    },
    {
      name: 'opting out with --ozone-platform=wayland is respected and logged',
      platform: 'linux' as const,
      env: gnomeWayland,
      argv: [...app, '--ozone-platform', 'wayland'],
      chosen: 'wayland',
      action: 'keep',
      log: /^Wayland session: running natively on Wayland as --ozone-platform=wayland asks/,
    },
    {
      name: 'a Wayland session without XWayland cannot switch: stays, and says why',
      platform: 'linux' as const,
      env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' },
      argv: app,
      chosen: 'wayland',
      action: 'keep',
      log: /^Wayland session without XWayland/,
    },
  ])('$name', ({ platform, env, argv, chosen, action, log }) => {
    const decision = decideDisplayServer({ platform, env, argv, chosen });
    expect(decision.action).toBe(action);
    if (log === null) expect(decision.log).toBeNull();
    else expect(decision.log).toMatch(log);
  });

  it('relaunches with the same arguments plus the switch, so the hall flags survive', () => {
    const decision = decideDisplayServer({
      platform: 'linux',
      env: gnomeWayland,
      argv: ['/repo', '--port', '9000'],
      chosen: 'wayland',
    });
    expect(decision).toMatchObject({ action: 'relaunch', args: ['/repo', '--port', '9000', '--ozone-platform=x11'] });
  });
});

describe('launchDisplayServerArgs (npm start)', () => {
  it.each([
    { platform: 'linux' as const, env: gnomeWayland, argv: [], want: ['--ozone-platform=x11'] },
    { platform: 'linux' as const, env: x11, argv: [], want: [] },
    { platform: 'linux' as const, env: gnomeWayland, argv: ['--ozone-platform=wayland'], want: [] },
    { platform: 'linux' as const, env: { XDG_SESSION_TYPE: 'wayland' }, argv: [], want: [] },
    { platform: 'win32' as const, env: gnomeWayland, argv: [], want: [] },
  ])('$platform $env $argv → $want', ({ platform, env, argv, want }) => {
    expect(launchDisplayServerArgs({ platform, env, argv })).toEqual(want);
  });
});

describe('explicitOzonePlatform', () => {
  it.each([
    { argv: ['--ozone-platform=x11'], want: 'x11' },
    { argv: ['--port', '1', '--ozone-platform', 'wayland'], want: 'wayland' },
    { argv: ['--ozone-platform=x11', '--ozone-platform=wayland'], want: 'wayland' },
    { argv: ['--ozone-platform-hint=auto'], want: null },
    { argv: [], want: null },
  ])('$argv → $want', ({ argv, want }) => {
    expect(explicitOzonePlatform(argv)).toBe(want);
  });
});
