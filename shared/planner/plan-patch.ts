/**
 * Live changes as patches (board event `plan-patch`, schema PlanPatchSchema): the host writes
 * what changed between the plan a page holds and the new one, the page applies it. The host
 * side works on the plans' pieces (page-codec.ts) and never makes the whole plan's JSON; the
 * page side works on the plan object it holds. `applyPlanPatch(base, patch)` gives exactly the
 * new plan (same fields, same order, same JSON).
 */
import type { BoardPage, BoardPlan, PlanPatch } from '../schemas/board-plan';
import { PLAN_FIELDS, PLAN_HEADER_FIELDS, type CodedPlan } from './page-codec';

/** The `plan-patch` payload (JSON) that turns `base` into `next`. */
export function planPatchJson(base: CodedPlan, next: CodedPlan): string {
  const set: string[] = [];
  for (const f of PLAN_HEADER_FIELDS)
    if (base.fields[f] !== next.fields[f]) set.push(`${JSON.stringify(f)}:${next.fields[f]}`);

  // Where each of the base's pages is, by hash (the first of equal pages first).
  const at = new Map<string, number[]>();
  base.pages.forEach((p, i) => {
    const list = at.get(p.hash);
    if (list) list.push(i);
    else at.set(p.hash, [i]);
  });
  const ops: string[] = [];
  let runFrom = -1;
  let runCount = 0;
  const endRun = () => {
    if (runCount > 0) ops.push(`[${runFrom},${runCount}]`);
    runCount = 0;
  };
  for (const page of next.pages) {
    // the run goes on while the base's next page is this one
    if (runCount > 0 && base.pages[runFrom + runCount]?.hash === page.hash) {
      runCount++;
      continue;
    }
    endRun();
    const from = at.get(page.hash)?.[0];
    if (from !== undefined) {
      runFrom = from;
      runCount = 1;
    } else {
      ops.push(page.json);
    }
  }
  endRun();
  return `{"planId":${JSON.stringify(next.plan.planId)},"basePlanId":${JSON.stringify(base.plan.planId)},"set":{${set.join(',')}},"pages":[${ops.join(',')}],"pageCount":${next.pages.length}}`;
}

export class PlanPatchError extends Error {
  override name = 'PlanPatchError';
}

/**
 * The plan `patch` makes of `base`. Throws PlanPatchError when the patch is not for this base or
 * does not fit it (a page it copies is not there, the count is off): the page then asks for the
 * whole plan.
 */
export function applyPlanPatch(base: BoardPlan, patch: PlanPatch): BoardPlan {
  if (patch.basePlanId !== base.planId)
    throw new PlanPatchError(`patch is for plan ${patch.basePlanId}, this page holds ${base.planId}`);
  const bodies: Array<Omit<BoardPage, 'index' | 'startMs'> | BoardPage> = [];
  for (const op of patch.pages) {
    if (!Array.isArray(op)) {
      bodies.push(op);
      continue;
    }
    const [from, count] = op;
    if (from + count > base.pages.length)
      throw new PlanPatchError(`patch copies pages ${from}–${from + count - 1}, the base has ${base.pages.length}`);
    for (let i = from; i < from + count; i++) bodies.push(base.pages[i]!);
    if (bodies.length > patch.pageCount) break;
  }
  if (bodies.length !== patch.pageCount)
    throw new PlanPatchError(`patch makes ${bodies.length} pages, says ${patch.pageCount}`);
  const pages: BoardPage[] = [];
  let startMs = 0;
  for (const [index, body] of bodies.entries()) {
    // an unchanged page in the same place is kept as it was (the same object)
    const same = 'index' in body && body.index === index && body.startMs === startMs;
    pages.push(
      same
        ? (body as BoardPage)
        : { index, startMs, dwellMs: body.dwellMs, items: body.items, ...(body.pulse ? { pulse: body.pulse } : {}) },
    );
    startMs += body.dwellMs;
  }
  const out: Record<string, unknown> = {};
  const set = patch.set as Partial<Record<keyof BoardPlan, unknown>>;
  for (const f of PLAN_FIELDS)
    out[f] = f === 'planId' ? patch.planId : f === 'pages' ? pages : f in set ? set[f] : base[f];
  return out as BoardPlan;
}
