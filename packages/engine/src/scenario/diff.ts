/**
 * What changed between two versions of a scenario: the cited values that changed (value, range,
 * grade, citation or rationale), were added or removed, each with its citation on both sides; the
 * elements (actors, relations, events...) added or removed; and every other changed field (titles,
 * descriptions, roles). Paths are readable (`[id=...]` selectors), so reordering a list is no change.
 */
import { listGradedValues, type Grade, type GradedValue } from './grades';
import type { Cite, Scenario } from './schema';

/** One side of a changed value. */
export interface DiffValue {
  value: number;
  unit?: string;
  range?: [number, number];
  grade: Grade;
  cite?: Cite;
  assumption?: string;
  note?: string;
  derived?: { sources: string[]; rationale: string };
}

export interface ValueChange {
  where: string;
  change: 'changed' | 'added' | 'removed';
  /** What differs: value, range, grade, cite, assumption, note, derived. */
  fields: string[];
  before?: DiffValue;
  after?: DiffValue;
}

export interface ElementChange {
  /** The list: actors, relations, events, variants, issues, ... */
  list: string;
  id: string;
  change: 'added' | 'removed';
}

export interface FieldChange {
  where: string;
  before?: unknown;
  after?: unknown;
}

export interface ScenarioDiff {
  values: ValueChange[];
  elements: ElementChange[];
  /** Other fields that changed (at most `limit`; `truncated` says how many more). */
  other: FieldChange[];
  truncated: number;
}

function side(v: GradedValue): DiffValue {
  return {
    value: v.value,
    ...(v.unit !== undefined ? { unit: v.unit } : {}),
    ...(v.range ? { range: v.range } : {}),
    grade: v.grade,
    ...(v.cite ? { cite: v.cite } : {}),
    ...(v.assumption !== undefined ? { assumption: v.assumption } : {}),
    ...(v.note !== undefined ? { note: v.note } : {}),
    ...(v.derived ? { derived: v.derived } : {}),
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function elementKey(el: unknown, i: number): string {
  if (isRecord(el) && typeof el.id === 'string') return `[id=${el.id}]`;
  if (isRecord(el) && typeof el.actor === 'string') return `[actor=${el.actor}]`;
  return `[${i}]`;
}

/** Leaves (scalars and empty containers) by readable path; arrays of elements keyed by id. */
function leaves(root: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const stack: { node: unknown; path: string }[] = [{ node: root, path: '$' }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      // Lists of scalars (e.g. an event's actors) are one field.
      if (node.every((x) => x === null || typeof x !== 'object')) out.set(path, node);
      else node.forEach((x, i) => stack.push({ node: x, path: `${path}${elementKey(x, i)}` }));
    } else if (isRecord(node)) {
      const entries = Object.entries(node);
      if (entries.length === 0) out.set(path, node);
      for (const [k, v] of entries) stack.push({ node: v, path: /^[A-Za-z_$][\w$-]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]` });
    } else if (node !== undefined) {
      out.set(path, node);
    }
  }
  return out;
}

const LISTS = ['sources', 'actors', 'relations', 'doctrines', 'issues', 'events', 'mechanisms', 'assessments', 'calibration', 'variants'] as const;

/** The changes from `before` to `after` (`limit`: at most this many other field changes, default 500). */
export function diffScenarios(before: Scenario, after: Scenario, opts: { limit?: number } = {}): ScenarioDiff {
  const limit = opts.limit ?? 500;
  const a = new Map(listGradedValues(before).map((v) => [v.where, v]));
  const b = new Map(listGradedValues(after).map((v) => [v.where, v]));
  const values: ValueChange[] = [];
  for (const [where, va] of a) {
    const vb = b.get(where);
    if (!vb) {
      values.push({ where, change: 'removed', fields: [], before: side(va) });
      continue;
    }
    const sa = side(va);
    const sb = side(vb);
    const fields = (['value', 'range', 'grade', 'cite', 'assumption', 'note', 'derived', 'unit'] as const).filter((f) => !same(sa[f], sb[f]));
    if (fields.length) values.push({ where, change: 'changed', fields, before: sa, after: sb });
  }
  for (const [where, vb] of b) if (!a.has(where)) values.push({ where, change: 'added', fields: [], after: side(vb) });

  const elements: ElementChange[] = [];
  for (const list of LISTS) {
    const ids = (s: Scenario) => new Set(((s[list] ?? []) as { id: string }[]).map((x) => x.id));
    const ia = ids(before);
    const ib = ids(after);
    for (const id of ia) if (!ib.has(id)) elements.push({ list, id, change: 'removed' });
    for (const id of ib) if (!ia.has(id)) elements.push({ list, id, change: 'added' });
  }

  // Everything else: leaves that differ, outside the values and elements reported above.
  const covered = [...values.map((v) => v.where), ...elements.map((e) => `$.${e.list}[id=${e.id}]`)];
  const inside = (path: string) => covered.some((c) => path === c || path.startsWith(`${c}.`) || path.startsWith(`${c}[`));
  const la = leaves(before);
  const lb = leaves(after);
  const other: FieldChange[] = [];
  const keys = [...new Set([...la.keys(), ...lb.keys()])].sort();
  for (const key of keys) {
    if (inside(key)) continue;
    const x = la.get(key);
    const y = lb.get(key);
    if (same(x, y)) continue;
    other.push({ where: key, ...(la.has(key) ? { before: x } : {}), ...(lb.has(key) ? { after: y } : {}) });
  }
  return { values, elements, other: other.slice(0, limit), truncated: Math.max(0, other.length - limit) };
}
