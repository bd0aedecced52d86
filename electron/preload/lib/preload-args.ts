import { PRELOAD_ARGS } from '../../../shared/ipc-channels';

// What the shell told this window's preload through webPreferences.additionalArguments
// (electron/windows/window-options.ts). Sandboxed preloads still see process.argv.

export function preloadArgument(
  argv: readonly string[],
  name: (typeof PRELOAD_ARGS)[keyof typeof PRELOAD_ARGS],
): string | null {
  const prefix = `--${name}=`;
  const found = argv.find((arg) => arg.startsWith(prefix));
  return found ? found.slice(prefix.length) : null;
}

export { PRELOAD_ARGS };
