/**
 * The response of a link's effect to a rise of its cause, through the simulation kernel itself:
 * two one-week runs at the scenario's values with the same random numbers, one where the cause is
 * raised right after the start (a stock, auxiliary or policy by `delta`; an action forced to
 * happen; a calendar signal raised by `delta`), all other actions silenced. The effect is read
 * after the week (a stock or auxiliary) or as the action's probability that week (a logit link).
 * Used by the per-mechanism sign tests and shown in `brink simulate --json` as each mechanism's
 * checked direction.
 */
import { InputError } from '../errors';
import type { CompiledCrisisModel } from './compile';
import { ensembleRoot, runStreams } from './ensemble';
import { runOne, Workspace, type WeekProbe } from './simulate';

export interface LinkResponse {
  /** The effect without and with the rise of the cause. */
  before: number;
  after: number;
  direction: -1 | 0 | 1;
}

export function linkResponse(model: CompiledCrisisModel, cause: string, effect: string, delta = 0.1): LinkResponse {
  const c = model.nodeIndex.get(cause);
  const e = model.nodeIndex.get(effect);
  if (c === undefined) throw new InputError(`unknown node "${cause}"`, { place: 'cause' });
  if (e === undefined) throw new InputError(`unknown node "${effect}"`, { place: 'effect' });
  const ws = new Workspace(model, 1, null);
  const root = ensembleRoot('mechanism-check');
  const probe = (kick: boolean): WeekProbe => {
    const isAction = model.nodes[c]!.kind === 'action';
    return {
      kickNode: kick && !isAction ? c : -1,
      kickDelta: delta,
      forceAction: kick && isAction ? c - model.offsets.action : -1,
      probabilities: new Float64Array(model.actions.length),
      after: new Float64Array(model.nodes.length),
    };
  };
  const read = (p: WeekProbe) => (model.nodes[e]!.kind === 'action' ? p.probabilities[e - model.offsets.action]! : p.after[e]!);
  const p0 = probe(false);
  runOne(ws, runStreams(root, 0), 'base', null, null, p0);
  const p1 = probe(true);
  runOne(ws, runStreams(root, 0), 'base', null, null, p1);
  const before = read(p0);
  const after = read(p1);
  const diff = after - before;
  return { before, after, direction: Math.abs(diff) < 1e-12 ? 0 : diff > 0 ? 1 : -1 };
}
