import { describe, expect, it } from 'vitest';
import {
  assignDisplays,
  displayMatches,
  planWindowChanges,
  windowUrl,
  describeDisplay,
  type DisplayInfo,
  type WindowAssignment,
} from '../../../electron/windows/display-assignment';
import { DEFAULT_SHELL_CONFIG, parseShellConfig, type ShellConfig } from '../../../electron/windows/shell-config';
import { display } from './displays';

const summary = (assignments: readonly WindowAssignment[]): string[] =>
  assignments.map((a) => `${a.displayId}:${a.role}${a.screenId ? `:${a.screenId}` : ''}`);

const config = (json: unknown): ShellConfig => parseShellConfig(JSON.stringify(json));

describe('assignDisplays', () => {
  const cases: { name: string; displays: DisplayInfo[]; config: ShellConfig; screens: string[]; want: string[] }[] = [
    {
      name: 'gives a single display the first screen',
      displays: [display(7, 0)],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1', '2'],
      want: ['7:board:1'],
    },
    {
      name: 'numbers boards left to right whatever order Electron lists them in',
      displays: [display(30, 3840), display(10, 0), display(20, 1920)],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1', '2', '3'],
      want: ['10:board:1', '20:board:2', '30:board:3'],
    },
    {
      name: 'orders stacked displays top to bottom',
      displays: [display(2, 0, 1080), display(1, 0, 0)],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['a', 'b'],
      want: ['1:board:a', '2:board:b'],
    },
    {
      name: 'repeats the screens in order when there are more displays than screens',
      displays: [display(1, 0), display(2, 1920), display(3, 3840)],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1', '2'],
      want: ['1:board:1', '2:board:2', '3:board:1'],
    },
    {
      name: 'falls back to screen 1 when the hall lists no screens',
      displays: [display(1, 0)],
      config: DEFAULT_SHELL_CONFIG,
      screens: [],
      want: ['1:board:1'],
    },
    {
      name: 'makes a touch display the kiosk and keeps the screens for the walls',
      displays: [display(1, 0), display(2, 1920, 0, { touchSupport: 'available' }), display(3, 3840)],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1', '2'],
      want: ['1:board:1', '2:kiosk', '3:board:2'],
    },
    {
      name: 'takes the portrait display for the kiosk when no display reports touch (Windows, desktop Linux)',
      displays: [
        display(1, 0),
        display(2, 1920, 0, { bounds: { x: 1920, y: 0, width: 1080, height: 1920 } }),
        display(3, 3000),
      ],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1', '2'],
      want: ['1:board:1', '2:kiosk', '3:board:2'],
    },
    {
      name: 'makes only the first of several portrait displays the kiosk when touch is unknown',
      displays: [
        display(1, 0, 0, { bounds: { x: 0, y: 0, width: 1080, height: 1920 } }),
        display(2, 1080, 0, { bounds: { x: 1080, y: 0, width: 1080, height: 1920 } }),
      ],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1'],
      want: ['1:kiosk', '2:board:1'],
    },
    {
      name: 'prefers a display that reports touch over a portrait one',
      displays: [
        display(1, 0, 0, { bounds: { x: 0, y: 0, width: 1080, height: 1920 } }),
        display(2, 1080, 0, { touchSupport: 'available' }),
      ],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1'],
      want: ['1:board:1', '2:kiosk'],
    },
    {
      name: 'keeps a portrait display a board when it reports no touch',
      displays: [display(1, 0, 0, { touchSupport: 'unavailable', bounds: { x: 0, y: 0, width: 1080, height: 1920 } })],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1'],
      want: ['1:board:1'],
    },
    {
      name: 'adds no portrait kiosk when a rule already names the kiosk',
      displays: [
        display(1, 0, 0, { label: 'Kiosk' }),
        display(2, 1920, 0, { bounds: { x: 1920, y: 0, width: 1080, height: 1920 } }),
      ],
      config: config({ displays: [{ match: { label: 'Kiosk' }, role: 'kiosk' }] }),
      screens: ['1'],
      want: ['1:kiosk', '2:board:1'],
    },
    {
      name: 'keeps landscape displays with unknown touch boards',
      displays: [display(1, 0), display(2, 1920)],
      config: DEFAULT_SHELL_CONFIG,
      screens: ['1', '2'],
      want: ['1:board:1', '2:board:2'],
    },
    {
      name: 'keeps a portrait display a board when unmatched displays are boards only',
      displays: [display(1, 0, 0, { bounds: { x: 0, y: 0, width: 1080, height: 1920 } })],
      config: config({ unmatched: 'board' }),
      screens: ['1'],
      want: ['1:board:1'],
    },
    {
      name: 'keeps a touch display a board when unmatched displays are boards only',
      displays: [display(1, 0, 0, { touchSupport: 'available' })],
      config: config({ unmatched: 'board' }),
      screens: ['1'],
      want: ['1:board:1'],
    },
    {
      name: 'assigns by label',
      displays: [display(1, 0, 0, { label: 'LED-2' }), display(2, 1920, 0, { label: 'LED-1' })],
      config: config({ displays: [{ match: { label: 'LED-1' }, role: 'board', screenId: 'north' }] }),
      screens: ['north', 'south'],
      want: ['1:board:south', '2:board:north'],
    },
    {
      name: 'assigns by id',
      displays: [display(11, 0), display(12, 1920)],
      config: config({ displays: [{ match: { id: 11 }, role: 'staff' }] }),
      screens: ['1'],
      want: ['11:staff', '12:board:1'],
    },
    {
      name: 'assigns by size and position',
      displays: [display(1, 0), display(2, 1920, 0, { bounds: { x: 1920, y: 0, width: 2560, height: 640 } })],
      config: config({ displays: [{ match: { width: 2560, height: 640 }, role: 'board', screenId: 'strip' }] }),
      screens: ['1', 'strip'],
      want: ['1:board:1', '2:board:strip'],
    },
    {
      name: 'matches a size rule against physical pixels of a scaled display',
      displays: [display(5, 0, 0, { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 2 })],
      config: config({ displays: [{ match: { width: 3840, height: 2160 }, role: 'kiosk' }] }),
      screens: ['1'],
      want: ['5:kiosk'],
    },
    {
      name: 'lets the first matching rule win',
      displays: [display(1, 0, 0, { label: 'LED-1' })],
      config: config({
        displays: [
          { match: { label: 'LED-1' }, role: 'board', screenId: '9' },
          { match: { id: 1 }, role: 'kiosk' },
        ],
      }),
      screens: ['1'],
      want: ['1:board:9'],
    },
    {
      name: 'leaves a display dark when its rule says none',
      displays: [display(1, 0, 0, { label: 'Operator' }), display(2, 1920)],
      config: config({ displays: [{ match: { label: 'Operator' }, role: 'none' }] }),
      screens: ['1'],
      want: ['2:board:1'],
    },
    {
      name: 'leaves unmatched displays dark when told to',
      displays: [display(1, 0), display(2, 1920, 0, { label: 'LED-1' })],
      config: config({ displays: [{ match: { label: 'LED-1' }, role: 'board', screenId: '1' }], unmatched: 'none' }),
      screens: ['1', '2'],
      want: ['2:board:1'],
    },
    {
      name: 'does not hand a configured screen to an unconfigured display',
      displays: [display(1, 0), display(2, 1920, 0, { label: 'LED-1' })],
      config: config({ displays: [{ match: { label: 'LED-1' }, role: 'board', screenId: '1' }] }),
      screens: ['1', '2'],
      want: ['1:board:2', '2:board:1'],
    },
  ];

  it.each(cases)('$name', ({ displays, config: cfg, screens, want }) => {
    expect(summary(assignDisplays(displays, cfg, screens))).toEqual(want);
  });

  it('copies each display’s bounds into its window', () => {
    const bounds = { x: -1920, y: 120, width: 1920, height: 1080 };
    expect(assignDisplays([display(3, 0, 0, { bounds })], DEFAULT_SHELL_CONFIG, ['1'])[0]?.bounds).toEqual(bounds);
  });
});

describe('hot-plug', () => {
  const screens = ['1', '2', '3'];

  /** Runs a sequence of display sets the way the shell does: each step sees the previous windows. */
  function replay(steps: DisplayInfo[][], cfg: ShellConfig = DEFAULT_SHELL_CONFIG) {
    let current: WindowAssignment[] = [];
    return steps.map((displays) => {
      const desired = assignDisplays(displays, cfg, screens, current);
      const plan = planWindowChanges(current, desired);
      current = desired;
      return { windows: summary(desired), plan };
    });
  }

  it('opens a window for a display that is plugged in and leaves the others alone', () => {
    const [, added] = replay([[display(1, 0)], [display(1, 0), display(2, 1920)]]);
    expect(added?.windows).toEqual(['1:board:1', '2:board:2']);
    expect(added?.plan).toMatchObject({ close: [], move: [], retarget: [] });
    expect(added?.plan.create.map((c) => c.displayId)).toEqual([2]);
  });

  it('closes only the window of a display that is unplugged, and the others keep their screens', () => {
    const [, removed] = replay([
      [display(1, 0), display(2, 1920), display(3, 3840)],
      [display(2, 1920), display(3, 3840)],
    ]);
    expect(removed?.windows).toEqual(['2:board:2', '3:board:3']);
    expect(removed?.plan).toEqual({ close: [1], create: [], move: [], retarget: [] });
  });

  it('gives a re-plugged display back a free screen without disturbing the rest', () => {
    const steps = replay([[display(1, 0), display(2, 1920)], [display(2, 1920)], [display(2, 1920), display(1, 0)]]);
    expect(steps.map((s) => s.windows)).toEqual([
      ['1:board:1', '2:board:2'],
      ['2:board:2'],
      ['1:board:1', '2:board:2'],
    ]);
    expect(steps[2]?.plan.retarget).toEqual([]);
  });

  it('moves a window when its display changes resolution', () => {
    const bigger = display(1, 0, 0, { bounds: { x: 0, y: 0, width: 3840, height: 2160 } });
    const [, changed] = replay([[display(1, 0)], [bigger]]);
    expect(changed?.plan).toEqual({
      close: [],
      create: [],
      move: [{ displayId: 1, bounds: bigger.bounds }],
      retarget: [],
    });
  });

  it('moves windows when displays are rearranged', () => {
    const [, changed] = replay([
      [display(1, 0), display(2, 1920)],
      [display(1, 0), display(2, 0, 1080)],
    ]);
    expect(changed?.plan.move).toEqual([{ displayId: 2, bounds: { x: 0, y: 1080, width: 1920, height: 1080 } }]);
    expect(changed?.plan.create).toEqual([]);
  });

  it('recreates the window when a display switches role (touch panel attached to the same output)', () => {
    const [, changed] = replay([[display(1, 0)], [display(1, 0, 0, { touchSupport: 'available' })]]);
    expect(changed?.plan.close).toEqual([1]);
    expect(changed?.plan.create.map((c) => `${c.displayId}:${c.role}`)).toEqual(['1:kiosk']);
  });

  it('follows a display by label through an id change when the config names it', () => {
    const cfg = config({ displays: [{ match: { label: 'LED-1' }, role: 'board', screenId: '3' }] });
    const [, changed] = replay([[display(1, 0, 0, { label: 'LED-1' })], [display(9, 0, 0, { label: 'LED-1' })]], cfg);
    expect(changed?.windows).toEqual(['9:board:3']);
    expect(changed?.plan.close).toEqual([1]);
  });
});

describe('planWindowChanges', () => {
  const a = (displayId: number, role: WindowAssignment['role'], screenId: string | null, x = 0): WindowAssignment => ({
    displayId,
    role,
    screenId,
    bounds: { x, y: 0, width: 1920, height: 1080 },
    source: 'default',
  });

  const cases: { name: string; current: WindowAssignment[]; desired: WindowAssignment[]; want: object }[] = [
    {
      name: 'does nothing when nothing changed',
      current: [a(1, 'board', '1')],
      desired: [a(1, 'board', '1')],
      want: { close: [], create: [], move: [], retarget: [] },
    },
    {
      name: 'opens every window at start',
      current: [],
      desired: [a(1, 'board', '1'), a(2, 'kiosk', null)],
      want: { close: [], create: [a(1, 'board', '1'), a(2, 'kiosk', null)], move: [], retarget: [] },
    },
    {
      name: 'closes every window when all displays are gone',
      current: [a(1, 'board', '1'), a(2, 'staff', null)],
      desired: [],
      want: { close: [1, 2], create: [], move: [], retarget: [] },
    },
    {
      name: 'points a board at another screen without rebuilding it',
      current: [a(1, 'board', '1')],
      desired: [a(1, 'board', '2')],
      want: { close: [], create: [], move: [], retarget: [{ displayId: 1, screenId: '2' }] },
    },
    {
      name: 'rebuilds a window whose role changed',
      current: [a(1, 'board', '1')],
      desired: [a(1, 'staff', null)],
      want: { close: [1], create: [a(1, 'staff', null)], move: [], retarget: [] },
    },
    {
      name: 'moves and retargets in one step',
      current: [a(1, 'board', '1')],
      desired: [a(1, 'board', '2', 100)],
      want: {
        close: [],
        create: [],
        move: [{ displayId: 1, bounds: a(1, 'board', '2', 100).bounds }],
        retarget: [{ displayId: 1, screenId: '2' }],
      },
    },
  ];

  it.each(cases)('$name', ({ current, desired, want }) => {
    expect(planWindowChanges(current, desired)).toEqual(want);
  });
});

describe('displayMatches and windowUrl', () => {
  it.each([
    { match: { width: 1920, height: 1080, x: 0 }, at: 0, want: true },
    { match: { width: 1920, height: 1080, x: 1920 }, at: 0, want: false },
    { match: { width: 1920, height: 1080, y: 0 }, at: 0, want: true },
    { match: { width: 1280, height: 720 }, at: 0, want: false },
  ])('size rule $match on a display at x=$at → $want', ({ match, at, want }) => {
    expect(displayMatches(display(1, at), match)).toBe(want);
  });

  it.each([
    { hall: 'http://127.0.0.1:8080', role: 'board' as const, screenId: '1', want: 'http://127.0.0.1:8080/board/1' },
    {
      hall: 'http://127.0.0.1:8080/',
      role: 'board' as const,
      screenId: 'hall a',
      want: 'http://127.0.0.1:8080/board/hall%20a',
    },
    { hall: 'http://127.0.0.1:8080', role: 'kiosk' as const, screenId: null, want: 'http://127.0.0.1:8080/kiosk' },
    { hall: 'http://[::1]:9000', role: 'staff' as const, screenId: null, want: 'http://[::1]:9000/staff' },
  ])('loads $want for a $role', ({ hall, role, screenId, want }) => {
    expect(windowUrl(hall, { role, screenId })).toBe(want);
  });

  it.each([
    { role: 'kiosk' as const, screenId: null, token: 'tok_en-1', want: 'http://127.0.0.1:8080/kiosk#device=tok_en-1' },
    {
      role: 'kiosk' as const,
      screenId: null,
      token: 'a/b+c=',
      want: 'http://127.0.0.1:8080/kiosk#device=a%2Fb%2Bc%3D',
    },
    { role: 'kiosk' as const, screenId: null, token: null, want: 'http://127.0.0.1:8080/kiosk' },
    { role: 'board' as const, screenId: '1', token: 'tok', want: 'http://127.0.0.1:8080/board/1' },
    { role: 'staff' as const, screenId: null, token: 'tok', want: 'http://127.0.0.1:8080/staff' },
  ])('gives the kiosk window (only) the device token $token in the fragment', ({ role, screenId, token, want }) => {
    expect(windowUrl('http://127.0.0.1:8080', { role, screenId }, token)).toBe(want);
  });
});

describe('describeDisplay', () => {
  it.each([
    {
      d: display(2779098405, 1920, 0, { label: 'LED-1' }),
      a: {
        displayId: 2779098405,
        role: 'board' as const,
        screenId: '1',
        bounds: display(1, 1920).bounds,
        source: 'config' as const,
      },
      want: 'display 2779098405 "LED-1" 1920×1080+1920+0 ×1 → board 1 (config)',
    },
    {
      d: display(7, 0, 0, {
        touchSupport: 'available',
        scaleFactor: 1.5,
        bounds: { x: 0, y: 0, width: 1080, height: 1920 },
      }),
      a: {
        displayId: 7,
        role: 'kiosk' as const,
        screenId: null,
        bounds: { x: 0, y: 0, width: 1080, height: 1920 },
        source: 'default' as const,
      },
      want: 'display 7 "Display 7" 1080×1920+0+0 ×1.5 touch → kiosk (default)',
    },
    { d: display(3, 0), a: undefined, want: 'display 3 "Display 3" 1920×1080+0+0 ×1 → nothing' },
  ])('logs $want', ({ d, a, want }) => {
    expect(describeDisplay(d, a)).toBe(want);
  });
});
