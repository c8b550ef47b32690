/**
 * Grades: how much each number of a scenario rests on its source (docs/scenario.md, "Grades").
 *
 *   stated   the citation is graded `support: states`: its quote contains the number (or, for a
 *            position on an issue scale, the anchor's category); checked by `checkStatedQuotes`
 *   implied  `support: implies`: the quote gives the direction or ordering; the size is the
 *            modeller's reading (`note`), with a `range`
 *   assumed  an `assumption` with its rationale and `range`; its citation, if any, is `context`
 *
 * A derived value (`derived: { equals | sum }`) takes the weakest grade of its sources.
 */
import { InputError } from '../errors';
import { normaliseWhitespace } from './citations';
import { derivedSources } from './derived';
import { findNumberInText } from './number-text';
import { formatPath, getAt, readablePath, resolvePath, type PathSegment } from './json-path';
import type { Cite, Scenario } from './schema';

export type Grade = 'stated' | 'implied' | 'assumed';
export const GRADES: readonly Grade[] = ['stated', 'implied', 'assumed'];

export interface GradedValue {
  /** Concrete path of the cited number. */
  path: PathSegment[];
  /** Readable path with id selectors: `$.issues[id=x].positions[actor=dprk].clout`. */
  where: string;
  value: number;
  unit?: string;
  range?: [number, number];
  grade: Grade;
  /** The citation's `support`, when the value is cited. */
  support?: 'states' | 'implies' | 'context';
  cite?: Cite;
  assumption?: string;
  note?: string;
  /** For derived values: the readable paths of the sources and the rationale. */
  derived?: { sources: string[]; rationale: string };
}

export interface GradeCounts {
  stated: number;
  implied: number;
  assumed: number;
  /** Of the assumed values, those that cite a source as context. */
  context: number;
  /** Values derived from others (counted under their inherited grade as well). */
  derived: number;
  total: number;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** True for a cited number as the schema defines it (after derived values are resolved). */
function isCitedNumber(x: unknown): x is Record<string, unknown> & { value: number } {
  return isRecord(x) && typeof x.value === 'number' && (x.cite !== undefined || x.assumption !== undefined || isRecord(x.derived));
}

const RANK: Record<Grade, number> = { stated: 0, implied: 1, assumed: 2 };

/** Grade of a cited number that is not derived. */
export function gradeOfCited(v: { cite?: { support?: string }; assumption?: string }): Grade {
  const support = v.cite?.support;
  if (support === 'states') return 'stated';
  if (support === 'implies') return 'implied';
  return 'assumed';
}

/**
 * Every cited number of the scenario (variants excluded: apply one first; issue scale anchors are
 * labels, not values), in document order, with its grade. Derived values inherit the weakest grade
 * of their sources.
 */
export function listGradedValues(scenario: Scenario): GradedValue[] {
  const out: GradedValue[] = [];
  const gradeCache = new Map<string, Grade>();
  const gradeAt = (path: PathSegment[], seen: Set<string>): Grade => {
    const key = formatPath(path);
    const cached = gradeCache.get(key);
    if (cached) return cached;
    const node = getAt(scenario, path);
    if (!isRecord(node)) return 'assumed';
    let grade: Grade;
    if (isRecord(node.derived) && !seen.has(key)) {
      seen.add(key);
      grade = 'stated';
      for (const source of derivedSources(node.derived)) {
        let concrete: PathSegment[];
        try {
          concrete = resolvePath(scenario, source);
        } catch {
          grade = 'assumed';
          continue;
        }
        if (concrete[concrete.length - 1] === 'value') concrete = concrete.slice(0, -1);
        const g = gradeAt(concrete, seen);
        if (RANK[g] > RANK[grade]) grade = g;
      }
    } else {
      grade = gradeOfCited(node as { cite?: { support?: string }; assumption?: string });
    }
    gradeCache.set(key, grade);
    return grade;
  };
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (!isRecord(node)) return;
    if (isCitedNumber(node)) {
      const cite = node.cite as Cite | undefined;
      const derived = isRecord(node.derived)
        ? { sources: derivedSources(node.derived), rationale: String((node.derived as { rationale?: unknown }).rationale ?? '') }
        : undefined;
      out.push({
        path,
        where: readablePath(scenario, path),
        value: node.value,
        ...(typeof node.unit === 'string' ? { unit: node.unit } : {}),
        ...(Array.isArray(node.range) ? { range: node.range as [number, number] } : {}),
        grade: gradeAt(path, new Set()),
        ...(cite?.support ? { support: cite.support } : {}),
        ...(cite ? { cite } : {}),
        ...(typeof node.assumption === 'string' ? { assumption: node.assumption } : {}),
        ...(typeof node.note === 'string' ? { note: node.note } : {}),
        ...(derived ? { derived } : {}),
      });
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      if (path.length === 0 && (k === 'variants' || k === 'translations')) continue;
      // An issue's scale anchors are labelled points of the scale, not values of the system.
      if (k === 'scale' && path.length === 2 && path[0] === 'issues') continue;
      walk(v, [...path, k]);
    }
  };
  walk(scenario, []);
  return out;
}

/** Counts of the three grades (and of context citations and derived values among them). */
export function countGrades(values: readonly GradedValue[]): GradeCounts {
  const c: GradeCounts = { stated: 0, implied: 0, assumed: 0, context: 0, derived: 0, total: values.length };
  for (const v of values) {
    c[v.grade]++;
    if (v.grade === 'assumed' && v.support === 'context') c.context++;
    if (v.derived) c.derived++;
  }
  return c;
}

/** The top-level part of the scenario a value belongs to (`issues`, `models`, `relations`...). */
export function sectionOf(value: GradedValue): string {
  return String(value.path[0] ?? '$');
}

/**
 * Forms in which a quote may state a position on an issue scale: the labels and the quote of the
 * anchors at exactly that value.
 */
function categoryForms(scenario: Scenario, path: PathSegment[], value: number): string[] {
  if (path[0] !== 'issues' || path[2] !== 'positions' || path[4] !== 'position') return [];
  const issue = scenario.issues[path[1] as number];
  if (!issue) return [];
  return issue.scale.anchors
    .filter((a) => a.value === value)
    .flatMap((a) => [...Object.values(a.label), ...(a.cite?.quote ? [a.cite.quote] : [])])
    .filter((t): t is string => typeof t === 'string' && t.length > 0);
}

/** Whether a quote states a value (the number in any written form, or an anchor's category). */
export function quoteStatesValue(quote: string, value: number, categories: readonly string[] = []): boolean {
  if (findNumberInText(quote, value)) return true;
  const q = normaliseWhitespace(quote);
  return categories.some((c) => q.includes(normaliseWhitespace(c)));
}

/**
 * Every citation graded `support: states` that quotes a passage must contain the value it supports:
 * the number (in any written form) or, for an issue position, its anchor's category. Checks cited
 * numbers (their `cite` and `also`) and variant changes whose number carries the change's citation.
 */
export function checkStatedQuotes(scenario: Scenario, placeOf: (path: PathSegment[]) => string | undefined = () => undefined): void {
  const fail = (path: PathSegment[], quote: string, value: number): never => {
    const where = readablePath(scenario, path);
    throw new InputError(
      `${where}: the quote 「${quote}」 is graded "states" but does not contain the value ${value} (in any written form: digits, Chinese numerals, %, 成, 萬, 億)`,
      { place: placeOf(path) ?? formatPath(path), expected: 'support: implies (direction only, with a range and a reading) or context (with an assumption)' },
    );
  };
  const check = (node: Record<string, unknown>, path: PathSegment[], value: number, categories: string[]): void => {
    const cite = node.cite as Cite | undefined;
    if (cite?.support === 'states' && cite.quote !== undefined && !quoteStatesValue(cite.quote, value, categories)) fail([...path, 'cite'], cite.quote, value);
    const also = Array.isArray(node.also) ? (node.also as Cite[]) : [];
    also.forEach((c, i) => {
      if (c?.support === 'states' && c.quote !== undefined && !quoteStatesValue(c.quote, value, categories)) fail([...path, 'also', i], c.quote, value);
    });
  };
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (!isRecord(node)) return;
    if (typeof node.value === 'number' && (node.cite !== undefined || node.also !== undefined)) {
      check(node, path, node.value, categoryForms(scenario, path, node.value));
    }
    for (const [k, v] of Object.entries(node)) {
      if (path.length === 0 && k === 'variants') continue;
      walk(v, [...path, k]);
    }
  };
  walk(scenario, []);
  // Variant changes, with the categories of the place they change: a whole cited value, or a
  // number that carries the change's own citation (`{ path: ....value, value: 0.35, cite }`).
  scenario.variants.forEach((variant, i) =>
    variant.changes.forEach((change, j) => {
      let target: PathSegment[] = [];
      try {
        target = resolvePath(scenario, change.path);
      } catch {
        /* a missing path is reported by the reference checks */
      }
      const at: PathSegment[] = ['variants', i, 'changes', j];
      if (typeof change.value === 'number') {
        const owner = target[target.length - 1] === 'value' ? target.slice(0, -1) : target;
        if (change.cite?.support === 'states' && change.cite.quote !== undefined && !quoteStatesValue(change.cite.quote, change.value, categoryForms(scenario, owner, change.value))) {
          fail([...at, 'cite'], change.cite.quote, change.value);
        }
      } else if (isRecord(change.value)) {
        walkChange(change.value, [...at, 'value'], target);
      }
    }),
  );

  function walkChange(node: unknown, path: PathSegment[], target: PathSegment[]): void {
    if (Array.isArray(node)) {
      node.forEach((x, k) => walkChange(x, [...path, k], [...target, k]));
      return;
    }
    if (!isRecord(node)) return;
    if (typeof node.value === 'number' && (node.cite !== undefined || node.also !== undefined)) {
      check(node, path, node.value, categoryForms(scenario, target, node.value));
    }
    for (const [k, v] of Object.entries(node)) walkChange(v, [...path, k], [...target, k]);
  }
}
