// Pure: which display server Chromium runs on under Linux. Electron ≥ 38 follows the session
// and runs natively on Wayland when XDG_SESSION_TYPE=wayland (the default of Ubuntu 22.04+ and
// Debian 12 GNOME), and there a window's x/y and setBounds are ignored, so every wall opens on
// the same display (electron/electron#48833, #48749). Under XWayland they are honoured.
//
// The switch has to be on the command line: Electron picks the ozone platform in
// ElectronBrowserMainParts::PreEarlyInitialization, before main.js runs, so
// app.commandLine.appendSwitch('ozone-platform', 'x11') is read by no one (electron#35630,
// microsoft/vscode#135191). `npm start`, the .desktop entry (electron-builder.yml
// linux.executableArgs) and the systemd unit pass it; when the app is started some other way
// on Wayland, main relaunches itself once with it before any window exists.

export const OZONE_SWITCH = '--ozone-platform';
export const FORCE_X11 = `${OZONE_SWITCH}=x11`;

export interface DisplayServerInput {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The process's own arguments (process.argv.slice(1)). */
  argv: readonly string[];
  /** What Chromium chose, if known: app.commandLine.getSwitchValue('ozone-platform'). */
  chosen?: string;
}

export type DisplayServerDecision =
  { action: 'keep'; log: string | null } | { action: 'relaunch'; args: string[]; log: string };

/**
 * The value of an explicit --ozone-platform, in either `--x=v` or `--x v` form; the last one
 * when there are several, as Chromium's command line keeps the last value of a switch (so
 * `hall-board --ozone-platform=wayland` overrides the .desktop entry's x11).
 */
export function explicitOzonePlatform(argv: readonly string[]): string | null {
  let value: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`${OZONE_SWITCH}=`)) value = arg.slice(OZONE_SWITCH.length + 1);
    else if (arg === OZONE_SWITCH && argv[i + 1] !== undefined) value = argv[++i]!;
  }
  return value;
}

/** A Wayland session as Chromium would see it (XDG_SESSION_TYPE, or a Wayland socket without X). */
export function isWaylandSession(env: DisplayServerInput['env']): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || (Boolean(env.WAYLAND_DISPLAY) && !env.DISPLAY);
}

const WHY = 'on Wayland a window cannot place itself, so walls would share a display (electron#48833)';
const OPT_OUT = `${OZONE_SWITCH}=wayland keeps native Wayland`;

/** The decision main.ts acts on before `ready`. */
export function decideDisplayServer(input: DisplayServerInput): DisplayServerDecision {
  if (input.platform !== 'linux') return { action: 'keep', log: null };
  const explicit = explicitOzonePlatform(input.argv);
  const wayland = isWaylandSession(input.env) || input.chosen === 'wayland';
  if (explicit === 'x11') {
    return {
      action: 'keep',
      log: wayland ? `Wayland session: Chromium runs on X11 (XWayland) because ${WHY}; ${OPT_OUT}` : null,
    };
  }
  if (explicit !== null) {
    return {
      action: 'keep',
      log:
        explicit === 'wayland' && wayland
          ? `Wayland session: running natively on Wayland as ${OZONE_SWITCH}=wayland asks; ${WHY}`
          : null,
    };
  }
  if (!wayland) return { action: 'keep', log: null };
  if (!input.env.DISPLAY) {
    return {
      action: 'keep',
      log: `Wayland session without XWayland (DISPLAY is not set): staying on Wayland, where ${WHY}`,
    };
  }
  return {
    action: 'relaunch',
    args: [...input.argv, FORCE_X11],
    log: `Wayland session: restarting once with ${FORCE_X11} before any window opens, because ${WHY}; ${OPT_OUT}`,
  };
}

/** Switches `npm start` adds in front of its own: X11 on a Wayland session with XWayland. */
export function launchDisplayServerArgs(input: Omit<DisplayServerInput, 'chosen'>): string[] {
  if (input.platform !== 'linux' || explicitOzonePlatform(input.argv) !== null) return [];
  return isWaylandSession(input.env) && input.env.DISPLAY ? [FORCE_X11] : [];
}
