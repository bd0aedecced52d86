import { contextBridge } from 'electron';
import type { HallShellBridge } from '../../shared/shell-bridge';

// The staff console needs nothing from the shell; the page may still tell it runs in one.
const bridge: HallShellBridge = Object.freeze({ kind: 'electron', role: 'staff', screenId: null });

contextBridge.exposeInMainWorld('hallShell', bridge);
