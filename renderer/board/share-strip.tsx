/**
 * A wall group's screen says which trades it shows, on a strip under the header ("本屏：建筑工地 ·
 * 搬运装卸 · 快递外卖"; shared/planner/group-layout.ts): the planner cut the line to whole trades at
 * the header's size and moved the content down by the strip's height, so nothing here measures.
 */
import type { CSSProperties } from 'react';
import type { GroupShare } from '../../shared/schemas/board-plan';
import { pxVars } from './board-style';
import './group.css';

/** Whether the plan gave the strip room (a ticker has no header, so no strip). */
export function shareShown(share: GroupShare | null | undefined): share is GroupShare {
  return !!share && share.stripHeightPx > 0 && share.line !== '';
}

/** The strip's sizes as the board root's custom properties (group.css). */
export function shareStyle(share: GroupShare | null | undefined): CSSProperties {
  if (!shareShown(share)) return {};
  return pxVars({ '--share-h': share.stripHeightPx, '--share-font': share.fontPx });
}

export function ShareStrip({ share }: { share: GroupShare }) {
  if (!shareShown(share)) return null;
  return (
    <div className="share-strip line" data-testid="share-strip" data-group={share.groupId}>
      {share.line}
    </div>
  );
}
