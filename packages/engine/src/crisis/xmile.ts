/**
 * XMILE 1.0 export of the stock-and-flow part of a crisis model (OASIS XMILE Version 1.0, 2015,
 * http://docs.oasis-open.org/xmile/xmile/v1.0/xmile-v1.0.html), for system-dynamics tools
 * (Stella, Vensim's XMILE import, Insight Maker, PySD). What it holds, at the parameters' values:
 *
 * - every stock with its start value and one net flow (bi-flow) whose equation is the weekly change
 *   of ./simulate.ts: growth + Σ flow links + relaxation, plus the actions' pulses at their expected
 *   rate (probability x strength) and the calendar pulses (mean-field: the expected path, not a run);
 * - every auxiliary (its level links) and policy (a constant);
 * - every event action as an auxiliary `p_<action>` holding its weekly probability (the logistic of
 *   its logit links), the launch action as its weekly mean launch days;
 * - the calendar signals as graphical functions of TIME (weeks).
 *
 * What it leaves out, said in the model's documentation: the talks status and the crisis level
 * (discrete states, held at their start values), the action gates, `once`, the deterrence hand-off,
 * and the clamping of stocks to their bounds (the flows are not limited). Names are the ids with
 * "-" and "." turned into "_"; time unit weeks, DT 1, Euler.
 */
import type { CompiledCrisisModel, CompiledLink } from './compile';
import { occurrences } from './calendar';
import { DAYS_PER_MONTH } from './launch-model';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function xmileName(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : Number(x.toPrecision(10)).toString());

export function exportXmile(model: CompiledCrisisModel, options: { weeks?: number } = {}): string {
  const weeks = options.weeks ?? model.defaultWeeks;
  const P = model.params;
  const value = (i: number) => P[i]!.value;
  const name = (node: number) => {
    const n = model.nodes[node]!;
    return n.kind === 'action' ? `p_${xmileName(n.id)}` : xmileName(n.id);
  };
  // Start values of variables (their `initial` at the parameter values).
  const start = (node: number) => (model.initialParam[node]! >= 0 ? value(model.initialParam[node]!) : 0);
  const term = (l: CompiledLink) => {
    const ref = l.refMode === 0 ? start(l.cause) : l.refMode === 2 ? l.refValue : 0;
    const s = value(l.param);
    return ref === 0 ? `${num(s)} * ${name(l.cause)}` : `${num(s)} * (${name(l.cause)} - ${num(ref)})`;
  };
  const vars: string[] = [];
  const doc = (text: string) => `<doc>${esc(text)}</doc>`;

  // Stocks and their net flows.
  for (let i = 0; i < model.counts.stocks; i++) {
    const n = model.nodes[i]!;
    const parts: string[] = [];
    const g = model.growthParam[i]!;
    if (g >= 0 && value(g) !== 0) parts.push(num(value(g)));
    const h = model.halfLifeParam[i]!;
    if (h >= 0) parts.push(`${num(1 - Math.pow(2, -1 / value(h)))} * (${num(start(i))} - ${xmileName(n.id)})`);
    for (const l of model.flows) if (l.effect === i) parts.push(term(l));
    for (const a of model.actions) for (let k = a.pulseStart; k < a.pulseEnd; k++) if (model.pulses[k]!.effect === i) parts.push(`${num(value(model.pulses[k]!.param))} * p_${xmileName(a.id)}`);
    for (const l of model.calendarPulses) if (l.effect === i) parts.push(`${num(value(l.param))} * ${name(l.cause)}`);
    const flow = `${xmileName(n.id)}_change`;
    vars.push(`<stock name="${xmileName(n.id)}">${doc(`${n.label.en} (${n.unit}; bounds ${n.bounds[0]}..${n.bounds[1]})`)}<eqn>${num(start(i))}</eqn><inflow>${flow}</inflow><units>${esc(n.unit)}</units></stock>`);
    vars.push(`<flow name="${flow}">${doc(`Weekly change of ${n.label.en}`)}<eqn>${esc(parts.length ? parts.join(' + ') : '0')}</eqn><units>${esc(n.unit)}/week</units></flow>`);
  }
  // Auxiliaries and policies.
  for (let i = model.counts.stocks; i < model.offsets.calendar; i++) {
    const n = model.nodes[i]!;
    const parts = [num(start(i))];
    for (const l of model.levels) if (l.effect === i) parts.push(term(l));
    vars.push(`<aux name="${xmileName(n.id)}">${doc(`${n.label.en} (${n.kind}, ${n.unit})`)}<eqn>${esc(parts.join(' + '))}</eqn><units>${esc(n.unit)}</units></aux>`);
  }
  // Calendar signals as graphical functions of TIME.
  const kindIndex = new Map(model.calendarKinds.map((k, i) => [k, i]));
  const occ = occurrences(model.calendar, kindIndex, model.startDay, weeks);
  model.calendarKinds.forEach((kind, k) => {
    const ys = new Array<number>(weeks).fill(0);
    for (const o of occ) {
      if (o.kind !== k) continue;
      const ip = model.calendar[o.item]!.intensityParam;
      const intensity = ip >= 0 ? value(ip) : 1;
      o.weights.forEach((w, j) => (ys[o.firstWeek + j]! += intensity * w));
    }
    const node = model.nodeIndex.get(`calendar.${kind}`)!;
    vars.push(
      `<aux name="${name(node)}">${doc(`Calendar signal: ${kind} (weekly, from the scenario's calendar)`)}<eqn>TIME</eqn><gf type="discrete"><xscale min="0" max="${weeks - 1}"/><yscale min="0" max="${num(Math.max(1, ...ys))}"/><ypts>${ys.map(num).join(',')}</ypts></gf></aux>`,
    );
  });
  // Actions.
  for (const a of model.actions) {
    if (a.kind === 'event') {
      const p = value(a.param);
      const parts = [num(Math.log(p) - Math.log1p(-p))];
      for (let k = a.logitStart; k < a.logitEnd; k++) parts.push(term(model.logits[k]!));
      vars.push(`<aux name="p_${xmileName(a.id)}">${doc(`Weekly probability: ${a.label.en} (${a.actor})`)}<eqn>${esc(`1 / (1 + EXP(-(${parts.join(' + ')})))`)}</eqn><units>probability/week</units></aux>`);
    } else if (model.launch) {
      const b = model.launch.model.fit.beta;
      const ex = model.exerciseNode >= 0 ? name(model.exerciseNode) : '0';
      vars.push(
        `<aux name="p_${xmileName(a.id)}">${doc('Mean launch days per week (launch model fitted on the CNS database; 52-week memory held at its start value)')}<eqn>${esc(`EXP(${num(b[0]!)} + ${num(b[1]!)} * ${ex} + ${num(b[3]!)} * LN(1 + ${num(value(a.param))})) * ${num(7 / DAYS_PER_MONTH)}`)}</eqn><units>launch days/week</units></aux>`,
      );
    }
  }
  // The discrete states, held at their start values.
  vars.push(`<aux name="state_talks">${doc('US-DPRK talks status (0-3), held at its start value in this export')}<eqn>0</eqn></aux>`);
  vars.push(`<aux name="state_level">${doc('Crisis level on the condensed ladder, held at its start value in this export')}<eqn>0</eqn></aux>`);

  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
    '<header>',
    `<name>${esc(model.scenarioId)}${model.variant ? ` (${esc(model.variant)})` : ''}: crisis model, stock-and-flow part</name>`,
    '<vendor>Brink</vendor>',
    '<product version="0.1.0" lang="en">Brink</product>',
    '</header>',
    `<sim_specs method="Euler" time_units="weeks"><start>0</start><stop>${weeks}</stop><dt>1</dt></sim_specs>`,
    '<model>',
    `<variables>`,
    ...vars,
    '</variables>',
    '</model>',
    '</xmile>',
    '',
  ].join('\n');
}
