// Types for scripts/build-electron.mjs.
export declare const EXTERNAL: string[];
export declare function buildElectron(options?: { quiet?: boolean }): Promise<void>;
/** Bundles electron/preload/<role>.ts to <outDir>/preload-<role>.cjs; resolves to the role names. */
export declare function buildPreloads(options?: { outDir?: string }): Promise<string[]>;
/** Bundles the sync page worker to <outDir>/sync-page-worker.cjs; resolves to that path. */
export declare function buildSyncPageWorker(options?: { outDir?: string }): Promise<string>;
/** Bundles the board plan worker to <outDir>/board-plan-worker.cjs; resolves to that path. */
export declare function buildBoardPlanWorker(options?: { outDir?: string }): Promise<string>;
/** Bundles the import worker to <outDir>/import-table-worker.cjs; resolves to that path. */
export declare function buildImportTableWorker(options?: { outDir?: string }): Promise<string>;
