// Types for scripts/build-electron.mjs.
export declare const EXTERNAL: string[];
export declare function buildElectron(options?: { quiet?: boolean }): Promise<void>;
