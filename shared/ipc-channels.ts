// The IPC channels between the preloads and main, in one place (shared/: both sides read it,
// and a preload may import nothing but electron and shared/). No imports: the preloads are
// bundled for the sandbox and take only these names from here.

export const IPC_CHANNELS = {
  /** kiosk → main (invoke): print the confirmation slip; answers a PrintSlipResult. */
  printSlip: 'hall:kiosk:print-slip',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Arguments the shell passes to a window's preload (webPreferences.additionalArguments). */
export const PRELOAD_ARGS = {
  role: 'hall-role',
  screen: 'hall-screen',
  printer: 'hall-printer',
} as const;
