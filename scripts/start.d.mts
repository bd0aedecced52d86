// Types for the pure helpers of scripts/start.mjs (tested in tests/unit/shell/start.test.ts).
export declare const INSTALL_TIMEOUT_MS: number;
export declare function splitStartArgs(argv: readonly string[]): { browser: boolean; hallArgs: string[] };
export declare function probeElectron(
  resolveElectron?: () => unknown,
  exists?: (path: string) => boolean,
): { path: string; reason: null } | { path: null; reason: string };
export declare function firstLine(text: unknown): string;
export declare function electronArgs(hallArgs: readonly string[], isRoot: boolean): string[];
export declare function fallbackMessage(reason: string): string;
export declare function electronPathFromPackage(packageDir?: string, env?: Record<string, string | undefined>): string;
