/**
 * The causal diagram of a compiled crisis model, generated from its links (never drawn by hand):
 * a node per variable, action, calendar signal and state; an edge per link with its form, sign and
 * strength (and the scenario mechanism it implements, if any); edges from actions to the states
 * they set; the deterrence hand-off as a node fed by the variables it reads. Mechanisms that do not
 * drive the simulation are listed with their reasons.
 */
import type { CompiledCrisisModel, CompiledLink, NodeKind } from './compile';

export interface CausalNode {
  id: string;
  label: string;
  label_zh?: string;
  kind: NodeKind | 'model';
  unit: string;
}

export interface CausalEdge {
  id: string;
  source: string;
  target: string;
  form: string;
  sign: '+' | '-' | '0' | '±';
  strength: number | null;
  range: [number, number] | null;
  mechanism: string | null;
  provenance: string | null;
}

export interface CausalGraph {
  nodes: CausalNode[];
  edges: CausalEdge[];
  inert: { id: string; cause: string; effect: string; reason: string }[];
}

export function causalGraph(model: CompiledCrisisModel): CausalGraph {
  const nodes: CausalNode[] = model.nodes.map((n) => ({ id: n.id, label: n.label.en, label_zh: n.label['zh-Hant'], kind: n.kind, unit: n.unit }));
  const edges: CausalEdge[] = [];
  const add = (l: CompiledLink) => {
    const p = model.params[l.param]!;
    const sign = p.value === 0 ? '0' : p.lo >= 0 && p.value > 0 ? '+' : p.hi <= 0 && p.value < 0 ? '-' : '±';
    edges.push({ id: `${l.mechanism ? 'mechanism' : 'link'}:${l.id}`, source: model.nodes[l.cause]!.id, target: model.nodes[l.effect]!.id, form: l.form, sign, strength: p.value, range: [p.lo, p.hi], mechanism: l.mechanism, provenance: p.provenance });
  };
  [...model.flows, ...model.levels, ...model.logits, ...model.pulses, ...model.calendarPulses].forEach(add);
  for (const a of model.actions) {
    if (a.thenTalks >= 0) edges.push({ id: `sets:${a.id}:talks`, source: a.id, target: 'state.talks', form: 'sets', sign: '±', strength: a.thenTalks, range: null, mechanism: null, provenance: null });
    if (a.thenLevel >= 0) edges.push({ id: `sets:${a.id}:level`, source: a.id, target: 'state.level', form: 'sets', sign: '±', strength: a.thenLevel, range: null, mechanism: null, provenance: null });
  }
  if (model.deterrence) {
    const d = model.deterrence;
    const mech = model.mechanisms.find((m) => m.status === 'deterrence')?.id ?? null;
    nodes.push({ id: 'model.aeg', label: 'Asymmetric Escalation Game (nuclear threshold)', label_zh: '不對稱升級賽局（核門檻）', kind: 'model', unit: 'outcome' });
    const reads: [number, string, '+' | '-'][] = [
      [d.challengerHard, 'p_Ch', '+'],
      [d.tacticalCredibility, 'p_HH + p_HS', '-'],
      [d.strikeCost, 'strategic credibility', '+'],
      [d.statusQuo, 'c_SQ', '+'],
    ];
    for (const [node, what, sign] of reads) edges.push({ id: `handoff:${model.nodes[node]!.id}`, source: model.nodes[node]!.id, target: 'model.aeg', form: `reads as ${what}`, sign, strength: null, range: null, mechanism: null, provenance: null });
    edges.push({ id: 'handoff:decision', source: 'state.level', target: 'model.aeg', form: 'threshold', sign: '+', strength: model.ladder.threshold, range: null, mechanism: mech, provenance: null });
    edges.push({ id: 'handoff:outcome', source: 'model.aeg', target: 'state.level', form: 'decides', sign: '+', strength: null, range: null, mechanism: mech, provenance: null });
  }
  const inert = model.mechanisms.filter((m) => m.status === 'inert').map((m) => ({ id: m.id, cause: m.cause, effect: m.effect, reason: m.reason ?? '' }));
  return { nodes, edges, inert };
}
