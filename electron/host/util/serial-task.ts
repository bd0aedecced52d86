/**
 * Work that runs one at a time however often it is asked for (the outbox pump's sending, a hub
 * node's reading of its change log): asked while it runs, it runs once more when that run ends
 * — every ask in between makes that one more run — so nothing asked for is missed and no two
 * runs overlap. Pure JavaScript: the host and the hub (scripts/hub) both use it.
 */
export interface SerialTask {
  /** Runs the work now, or once more after the current run. */
  request(): void;
  /** Whether a run is under way. */
  busy(): boolean;
  /** Resolves when no run is under way, the ones asked for meanwhile included. */
  idle(): Promise<void>;
  /** Runs no more; resolves when the current run is over. */
  stop(): Promise<void>;
}

export interface SerialTaskHandlers {
  /** A run failed (the work threw); a run asked for meanwhile still follows. */
  onError: (error: unknown) => void;
  /** A run ended without an error. */
  onDone?: () => void;
}

export function serialTask(work: () => Promise<void>, { onError, onDone }: SerialTaskHandlers): SerialTask {
  let current: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function runs(): Promise<void> {
    do {
      again = false;
      await work();
    } while (again && !stopped);
  }

  function request(): void {
    if (stopped) return;
    if (current) {
      again = true;
      return;
    }
    current = runs()
      .then(onDone, onError)
      .finally(() => {
        current = null;
        // asked for during a run that failed
        if (again) request();
      });
  }

  return {
    request,
    busy: () => current !== null,
    async idle() {
      while (current) await current;
    },
    async stop() {
      stopped = true;
      await current;
    },
  };
}
