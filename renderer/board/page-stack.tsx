/**
 * Page change: the old page fades out, then the new one fades and slides in, 400 ms in all,
 * animating only transform and opacity (cheap on weak hall PCs). The outgoing copy is
 * rendered with `live = false` so tests and heartbeats only ever see the page that is up.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export const PAGE_TRANSITION_MS = 400;

type Render = (live: boolean) => ReactNode;

interface Layer {
  key: string;
  render: Render;
}

export function PageStack({ pageKey, render }: { pageKey: string; render: Render }) {
  const last = useRef<Layer>({ key: pageKey, render });
  const [leaving, setLeaving] = useState<Layer | null>(null);

  useLayoutEffect(() => {
    const previous = last.current;
    if (previous.key === pageKey) return undefined;
    setLeaving(previous);
    const timer = setTimeout(() => setLeaving(null), PAGE_TRANSITION_MS);
    return () => clearTimeout(timer);
  }, [pageKey]);

  // After the key effect, so a page change still sees the outgoing layer's render.
  useLayoutEffect(() => {
    last.current = { key: pageKey, render };
  });

  return (
    <>
      {leaving && leaving.key !== pageKey ? (
        <div key={`out:${leaving.key}`} className="board-page board-page--leaving" aria-hidden="true">
          {leaving.render(false)}
        </div>
      ) : null}
      <div key={pageKey} className="board-page board-page--entering">
        {render(true)}
      </div>
    </>
  );
}
