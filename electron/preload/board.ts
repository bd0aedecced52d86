import { contextBridge } from 'electron';
import type { HallShellBridge } from '../../shared/shell-bridge';
import { PRELOAD_ARGS, preloadArgument } from './lib/preload-args';

// A wall: it only learns which screen the shell opened it for (handy when staff identify a
// screen). Nothing crosses back to main — a board has no IPC channel at all.
const bridge: HallShellBridge = Object.freeze({
  kind: 'electron',
  role: 'board',
  screenId: preloadArgument(process.argv, PRELOAD_ARGS.screen),
});

contextBridge.exposeInMainWorld('hallShell', bridge);
