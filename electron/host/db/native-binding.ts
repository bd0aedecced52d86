/**
 * better-sqlite3's native binding, one build per runtime: node_modules/better-sqlite3 is built
 * for the system Node (tests, `npm run serve`, the hub, browser mode) and the Electron shell
 * passes the path of a build for Electron's Node ABI (better-sqlite3's `nativeBinding` option).
 * Loading a build made for another ABI fails inside Node's loader with a multi-line message;
 * this turns it into one line that names the file and both module versions.
 */
import { readFileSync } from 'node:fs';
import { NativeBindingError } from './errors';

/** The runtime this process is, as a person reads it: `Electron 45.5.0` or `Node 20.20.2`. */
export interface RuntimeVersions {
  readonly name: string;
  /** NODE_MODULE_VERSION, the ABI a native addon must be built for. */
  readonly modules: string;
}

export function currentRuntime(versions: NodeJS.ProcessVersions = process.versions): RuntimeVersions {
  const electron = (versions as NodeJS.ProcessVersions & { electron?: string }).electron;
  return { name: electron ? `Electron ${electron}` : `Node ${versions.node}`, modules: versions.modules };
}

const REGISTER_SYMBOL = /node_register_module_v(\d+)/;

/**
 * The ABI an addon was built for, read from its exported initializer's name: Node's
 * NODE_MODULE_INIT (which better-sqlite3 uses) exports `node_register_module_v<ABI>`. Lets a
 * launcher check a downloaded or compiled binding without loading it into the wrong runtime.
 */
export function addonAbiOf(bytes: Uint8Array): number | null {
  const match = REGISTER_SYMBOL.exec(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  return match ? Number(match[1]) : null;
}

export function addonAbiOfFile(file: string): number | null {
  try {
    return addonAbiOf(readFileSync(file));
  } catch {
    return null;
  }
}

/** better-sqlite3's own build, which it loads when no `nativeBinding` is given. */
export const DEFAULT_BINDING_LABEL = "better-sqlite3's build/Release/better_sqlite3.node";

/**
 * A NativeBindingError when `error` is the loader refusing or not finding the binding, else
 * null (the caller rethrows the original: a locked or corrupt database is not a binding error).
 */
export function bindingLoadError(
  error: unknown,
  binding: string | null,
  runtime: RuntimeVersions = currentRuntime(),
): NativeBindingError | null {
  const err = error as (Error & { code?: string }) | null;
  const message = typeof err?.message === 'string' ? err.message : '';
  const named = /The module '([^']+)'/.exec(message)?.[1] ?? binding ?? DEFAULT_BINDING_LABEL;
  const versions = /NODE_MODULE_VERSION (\d+)\.[\s\S]*?requires\s+NODE_MODULE_VERSION (\d+)/.exec(message);
  if (versions) {
    return new NativeBindingError(
      named,
      Number(versions[1]),
      runtime,
      `it was built for NODE_MODULE_VERSION ${versions[1]}`,
    );
  }
  const missing =
    (err?.code === 'MODULE_NOT_FOUND' && binding !== null && message.includes(binding.replace(/(\.node)?$/, ''))) ||
    message.startsWith('Could not locate the bindings file');
  if (missing) return new NativeBindingError(named, null, runtime, 'the file does not exist');
  if (err?.code === 'ERR_DLOPEN_FAILED') {
    // Not an ABI mismatch Node could name (a truncated file, another OS or CPU): say what the file claims.
    const found = binding ? addonAbiOfFile(binding) : null;
    const firstLine = message.split('\n')[0]!.trim();
    return new NativeBindingError(
      named,
      found,
      runtime,
      found === null
        ? `the loader refused it (${firstLine})`
        : `it was built for NODE_MODULE_VERSION ${found} (${firstLine})`,
    );
  }
  return null;
}
