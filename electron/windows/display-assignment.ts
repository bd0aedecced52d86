import type { DisplayMatch, ShellConfig } from './shell-config';

// Pure: which window each display gets. No electron import, so it runs under plain Node tests.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The fields of Electron's `Display` that the assignment looks at. */
export interface DisplayInfo {
  id: number;
  label: string;
  bounds: Rect;
  size: { width: number; height: number };
  scaleFactor: number;
  touchSupport: 'available' | 'unavailable' | 'unknown';
  internal: boolean;
}

export const WINDOW_ROLES = ['board', 'kiosk', 'staff'] as const;
export type WindowRole = (typeof WINDOW_ROLES)[number];

export interface WindowAssignment {
  displayId: number;
  role: WindowRole;
  /** Set for boards only. */
  screenId: string | null;
  bounds: Rect;
  /** `config` when a displays.json rule chose it, `chord` for a staff console opened by key chord, `default` otherwise. */
  source: 'config' | 'default' | 'chord';
}

/** The screen a board shows when the hall has no screens configured (DEFAULT_SCREEN's id). */
const FALLBACK_SCREEN_ID = '1';

/**
 * A size rule matches the display's pixels either as Electron reports them (DIP) or as the
 * panel has them (DIP × scale factor), because staff read the latter off the LED controller.
 */
export function displayMatches(display: DisplayInfo, match: DisplayMatch): boolean {
  if ('id' in match) return display.id === match.id;
  if ('label' in match) return display.label.trim() === match.label.trim();
  const dip = { width: display.bounds.width, height: display.bounds.height };
  const physical = {
    width: Math.round(display.bounds.width * display.scaleFactor),
    height: Math.round(display.bounds.height * display.scaleFactor),
  };
  const sizeOk =
    (dip.width === match.width && dip.height === match.height) ||
    (physical.width === match.width && physical.height === match.height);
  if (!sizeOk) return false;
  if (match.x !== undefined && display.bounds.x !== match.x) return false;
  if (match.y !== undefined && display.bounds.y !== match.y) return false;
  return true;
}

/** Left to right, then top to bottom: "the first display" is the one an installer would call first. */
export function orderDisplays(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

/**
 * Decides the window of every display. Rules from displays.json win; the rest follow
 * `config.unmatched`. Boards picked by default take the hall's screens in order (first display →
 * first screen); a display that already shows a screen keeps it (`previous`), so plugging in or
 * removing another display does not make the walls swap content. More boards than screens: the
 * extra boards repeat the screens in order (they stay in phase, rotation is a function of time).
 */
export function assignDisplays(
  displays: readonly DisplayInfo[],
  config: ShellConfig,
  screenIds: readonly string[],
  previous: readonly WindowAssignment[] = [],
): WindowAssignment[] {
  const screens = screenIds.length > 0 ? [...screenIds] : [FALLBACK_SCREEN_ID];
  const ordered = orderDisplays(displays);
  const result = new Map<number, WindowAssignment>();
  const needsScreen: DisplayInfo[] = [];
  const ruleOf = (display: DisplayInfo) =>
    config.displays.find((candidate) => displayMatches(display, candidate.match));
  const kiosks = config.unmatched === 'auto' ? defaultKiosks(ordered, ruleOf) : new Set<number>();

  for (const display of ordered) {
    const rule = ruleOf(display);
    if (rule) {
      if (rule.role === 'none') continue;
      const screenId = rule.role === 'board' ? rule.screenId : null;
      result.set(display.id, {
        displayId: display.id,
        role: rule.role,
        screenId,
        bounds: display.bounds,
        source: 'config',
      });
      continue;
    }
    if (config.unmatched === 'none') continue;
    if (kiosks.has(display.id)) {
      result.set(display.id, {
        displayId: display.id,
        role: 'kiosk',
        screenId: null,
        bounds: display.bounds,
        source: 'default',
      });
      continue;
    }
    needsScreen.push(display);
  }

  const taken = new Set<string>();
  for (const assignment of result.values()) if (assignment.screenId !== null) taken.add(assignment.screenId);

  const stillNeeding: DisplayInfo[] = [];
  for (const display of needsScreen) {
    const before = previous.find((p) => p.displayId === display.id && p.role === 'board' && p.source === 'default');
    if (before?.screenId && screens.includes(before.screenId) && !taken.has(before.screenId)) {
      taken.add(before.screenId);
      result.set(display.id, board(display, before.screenId));
    } else {
      stillNeeding.push(display);
    }
  }

  const free = screens.filter((id) => !taken.has(id));
  stillNeeding.forEach((display, index) => {
    const screenId = index < free.length ? free[index]! : screens[(index - free.length) % screens.length]!;
    result.set(display.id, board(display, screenId));
  });

  return ordered.flatMap((display) => {
    const assignment = result.get(display.id);
    return assignment ? [assignment] : [];
  });
}

/**
 * Which unmatched displays become the kiosk by default: every display that reports touch. Only
 * ChromeOS fills in per-display touch; on Windows and desktop Linux Electron reports
 * `touchSupport: 'unknown'` for every display, so when no display reports touch and no rule
 * names a kiosk, the first portrait display that does not deny touch is taken for it (the
 * kiosk is a touch monitor turned to portrait; LED walls are landscape).
 */
function defaultKiosks(
  ordered: readonly DisplayInfo[],
  ruleOf: (display: DisplayInfo) => { role: string } | undefined,
): Set<number> {
  const unmatched = ordered.filter((display) => !ruleOf(display));
  const touch = unmatched.filter((display) => display.touchSupport === 'available');
  if (touch.length > 0) return new Set(touch.map((display) => display.id));
  if (ordered.some((display) => ruleOf(display)?.role === 'kiosk')) return new Set();
  const portrait = unmatched.find(
    (display) => display.touchSupport === 'unknown' && display.bounds.height > display.bounds.width,
  );
  return new Set(portrait ? [portrait.id] : []);
}

function board(display: DisplayInfo, screenId: string): WindowAssignment {
  return { displayId: display.id, role: 'board', screenId, bounds: display.bounds, source: 'default' };
}

/** Path on the hall host that a window of this assignment loads. */
export function windowPath(assignment: Pick<WindowAssignment, 'role' | 'screenId'>): string {
  switch (assignment.role) {
    case 'board':
      return `/board/${encodeURIComponent(assignment.screenId ?? FALLBACK_SCREEN_ID)}`;
    case 'kiosk':
      return '/kiosk';
    case 'staff':
      return '/staff';
  }
}

/**
 * The URL a window loads. The kiosk carries the host's per-start device token in the fragment
 * (`/kiosk#device=<token>`): a fragment is never sent over the network, so the token stays out
 * of request logs and Referer headers; the kiosk page reads it and drops it from the address bar.
 */
export function windowUrl(
  hallUrl: string,
  assignment: Pick<WindowAssignment, 'role' | 'screenId'>,
  kioskToken: string | null = null,
): string {
  const base = `${hallUrl.replace(/\/+$/, '')}${windowPath(assignment)}`;
  return assignment.role === 'kiosk' && kioskToken ? `${base}#device=${encodeURIComponent(kioskToken)}` : base;
}

export interface WindowPlan {
  /** Display ids whose window goes away (display removed, or its role changed). */
  close: number[];
  create: WindowAssignment[];
  /** Same window, new place (resolution or arrangement changed). */
  move: { displayId: number; bounds: Rect }[];
  /** Same board window, another screen: load the new URL instead of rebuilding the window. */
  retarget: { displayId: number; screenId: string }[];
}

/**
 * Diffs the windows that are open against the ones wanted. A role change closes and recreates
 * the window because roles differ in window options (kiosk lock-down), not just in URL.
 */
export function planWindowChanges(
  current: readonly WindowAssignment[],
  desired: readonly WindowAssignment[],
): WindowPlan {
  const plan: WindowPlan = { close: [], create: [], move: [], retarget: [] };
  const wanted = new Map(desired.map((d) => [d.displayId, d]));
  const open = new Map(current.map((c) => [c.displayId, c]));

  for (const now of current) {
    const next = wanted.get(now.displayId);
    if (!next || next.role !== now.role) plan.close.push(now.displayId);
  }
  for (const next of desired) {
    const now = open.get(next.displayId);
    if (!now || now.role !== next.role) {
      plan.create.push(next);
      continue;
    }
    if (next.role === 'board' && next.screenId !== null && next.screenId !== now.screenId) {
      plan.retarget.push({ displayId: next.displayId, screenId: next.screenId });
    }
    if (!sameRect(now.bounds, next.bounds)) plan.move.push({ displayId: next.displayId, bounds: next.bounds });
  }
  return plan;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

export function isEmptyPlan(plan: WindowPlan): boolean {
  return plan.close.length + plan.create.length + plan.move.length + plan.retarget.length === 0;
}

/**
 * One line per display for the log, with what it got — what an installer copies into
 * displays.json (`id`, `label` or size) to pin a wall: `display 2779098405 "LED-1" 1920×1080+0+0 ×1 → board 1 (config)`.
 */
export function describeDisplay(display: DisplayInfo, assignment: WindowAssignment | undefined): string {
  const { x, y, width, height } = display.bounds;
  const touch = display.touchSupport === 'available' ? ' touch' : '';
  const what = assignment
    ? `${assignment.role}${assignment.screenId ? ` ${assignment.screenId}` : ''} (${assignment.source})`
    : 'nothing';
  return `display ${display.id} ${JSON.stringify(display.label)} ${width}×${height}+${x}+${y} ×${display.scaleFactor}${touch} → ${what}`;
}
