/**
 * Derived values: a cited number defined by others (`derived: { equals: path }` or
 * `derived: { sum: [paths] }`), e.g. the RADG's probability that the US is Hard, defined as the AEG's
 * tactical credibility p_HH + p_HS. The value is the sum of its sources' values; its range the sum
 * of their ranges (a source without a range counts as [value, value]), clipped to `within`.
 *
 * Resolution runs on the raw data before the schema check (so the computed `value` is there for the
 * schema), after variants are applied (`applyVariant` clears the values it computed for the base),
 * so a variant that changes a source changes every value derived from it. A value or range written
 * in the file must equal the computed one: a copy cannot go stale unnoticed.
 */
import { InputError } from '../errors';
import { formatPath, getAt, readablePath, resolvePath, type PathSegment } from './json-path';

interface DerivedSpec {
  equals?: unknown;
  sum?: unknown;
  within?: unknown;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Paths (concrete) of every object with a `derived` member, in document order. */
export function findDerived(root: unknown): PathSegment[][] {
  const out: PathSegment[][] = [];
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: [...path, i] });
    } else if (isRecord(node)) {
      if (isRecord(node.derived)) out.push(path);
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        // A variant's change values are resolved when the variant is applied, not in the base.
        if (path.length === 0 && k === 'variants') continue;
        stack.push({ node: v, path: [...path, k] });
      }
    }
  }
  return out;
}

/** Sources of a derived spec as JSON path strings (`equals` or `sum`). */
export function derivedSources(spec: DerivedSpec): string[] {
  if (typeof spec.equals === 'string') return [spec.equals];
  if (Array.isArray(spec.sum)) return spec.sum.filter((p): p is string => typeof p === 'string');
  return [];
}

const round = (x: number): number => Number(x.toPrecision(12));
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Fills in `value` and `range` of every derived value of `data` (mutating it), computed from its
 * sources. Throws `InputError` for a missing or non-numeric source, a cycle, or a written value that
 * differs from the computed one. `placeOf` maps a concrete path to `file:line:col` when known.
 */
export function resolveDerived(data: unknown, placeOf: (path: PathSegment[]) => string | undefined = () => undefined): void {
  const done = new Map<string, { value: number; range: [number, number] }>();
  const visiting: string[] = [];
  const fail = (path: PathSegment[], reason: string, expected?: string): never => {
    throw new InputError(`${readablePath(data, path)}: ${reason}`, { place: placeOf(path) ?? formatPath(path), expected });
  };

  const resolveAt = (path: PathSegment[]): { value: number; range: [number, number] } => {
    const key = formatPath(path);
    const known = done.get(key);
    if (known) return known;
    const node = getAt(data, path);
    if (!isRecord(node)) return fail(path, 'is not a cited number', 'an object { value, ... }');
    if (!isRecord(node.derived)) {
      const value = node.value;
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail([...path, 'value'], 'a derived value\'s source has no numeric "value"', 'a cited number');
      const r = node.range;
      const range: [number, number] =
        Array.isArray(r) && r.length === 2 && typeof r[0] === 'number' && typeof r[1] === 'number' ? [r[0], r[1]] : [value, value];
      const out = { value, range };
      done.set(key, out);
      return out;
    }
    if (visiting.includes(key)) {
      const cycle = [...visiting.slice(visiting.indexOf(key)), key].map((k) => k.replace(/^\$\./, '')).join(' -> ');
      return fail([...path, 'derived'], `derived values form a cycle: ${cycle}`);
    }
    visiting.push(key);
    const spec = node.derived as DerivedSpec;
    const sources = derivedSources(spec);
    if (sources.length === 0) return fail([...path, 'derived'], 'a derived value needs "equals" (a JSON path) or "sum" (JSON paths)');
    let value = 0;
    let lo = 0;
    let hi = 0;
    sources.forEach((source, i) => {
      const at: PathSegment[] = [...path, 'derived', ...(typeof spec.equals === 'string' ? ['equals'] : ['sum', i])];
      let concrete: PathSegment[];
      try {
        concrete = resolvePath(data, source);
      } catch (error) {
        return fail(at, `source ${source} does not exist (${(error as Error).message})`, 'the JSON path of a cited number');
      }
      if (concrete.length > 0 && concrete[concrete.length - 1] === 'value') concrete = concrete.slice(0, -1);
      if (formatPath(concrete) === key) return fail(at, 'a value cannot be derived from itself');
      const s = resolveAt(concrete);
      value += s.value;
      lo += s.range[0];
      hi += s.range[1];
    });
    visiting.pop();
    const within = Array.isArray(spec.within) && spec.within.length === 2 && spec.within.every((x) => typeof x === 'number') ? (spec.within as [number, number]) : undefined;
    if (within) {
      lo = Math.min(Math.max(lo, within[0]), within[1]);
      hi = Math.min(Math.max(hi, within[0]), within[1]);
      if (value < within[0] || value > within[1]) {
        return fail(path, `derived value ${round(value)} lies outside its bounds [${within[0]}, ${within[1]}]`, `sources whose sum lies in [${within[0]}, ${within[1]}]`);
      }
    }
    const out = { value: round(value), range: [round(lo), round(hi)] as [number, number] };
    if (node.value !== undefined && !(typeof node.value === 'number' && close(node.value, out.value))) {
      return fail([...path, 'value'], `value ${String(node.value)} differs from its derivation ${out.value} (${sources.join(' + ')}); update it or leave it out`);
    }
    if (node.range !== undefined) {
      const r = node.range;
      if (!(Array.isArray(r) && r.length === 2 && typeof r[0] === 'number' && typeof r[1] === 'number' && close(r[0], out.range[0]) && close(r[1], out.range[1]))) {
        return fail([...path, 'range'], `range ${JSON.stringify(r)} differs from its derivation [${out.range.join(', ')}]; update it or leave it out`);
      }
    }
    node.value = out.value;
    node.range = out.range;
    done.set(key, out);
    return out;
  };

  for (const path of findDerived(data)) resolveAt(path);
}

/** Removes the computed `value` and `range` of every derived value (before re-resolving a changed copy). */
export function clearDerived(data: unknown): void {
  for (const path of findDerived(data)) {
    const node = getAt(data, path) as Record<string, unknown>;
    delete node.value;
    delete node.range;
  }
}
