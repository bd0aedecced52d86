import type { DisplayInfo } from '../../../electron/windows/display-assignment';

// Display fixtures shaped like Electron's screen.getAllDisplays() entries.
export function display(id: number, x: number, y = 0, extra: Partial<DisplayInfo> = {}): DisplayInfo {
  const width = extra.bounds?.width ?? 1920;
  const height = extra.bounds?.height ?? 1080;
  return {
    id,
    label: `Display ${id}`,
    bounds: { x, y, width, height },
    size: { width, height },
    scaleFactor: 1,
    // What Windows and desktop Linux report for every display (only ChromeOS fills it in).
    touchSupport: 'unknown',
    internal: false,
    ...extra,
  };
}
