export function rendererIsStale(): boolean;
export function ensureRenderer(): void;
