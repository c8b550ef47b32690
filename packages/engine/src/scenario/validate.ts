/**
 * Scenario validation, in order: finite numbers and nesting depth (anywhere in the data), derived
 * values (./derived.ts), shapes (zod), references (ids exist and are unique, positions lie on their
 * scales, variant paths exist and do not change derived values), citations (./citations.ts), the
 * grades of citations (a quote graded "states" contains its value, ./grades.ts) and translations
 * (./translations.ts). The first problem found is thrown as an `InputError` whose place is
 * `file:line:col` when the data came from `parseScenarioText`, else the JSON path; the message
 * always names the JSON path.
 */
import type { z } from 'zod';
import { InputError } from '../errors';
import { LIMITS } from '../limits';
import { checkCitations, type SourceReader } from './citations';
import { resolveDerived } from './derived';
import { checkStatedQuotes } from './grades';
import { formatPath, getAt, readablePath, resolvePath, type PathSegment } from './json-path';
import { positionOf } from './parse';
import { ScenarioSchema, type Scenario } from './schema';
import { checkTranslations } from './translations';

export interface ValidateOptions {
  /** File name for messages when the data did not come from `parseScenarioText`. */
  fileName?: string;
  /** Returns a source's stored text; without it, quotes are not checked against texts. */
  readSource?: SourceReader;
}

export function validateScenario(data: unknown, opts: ValidateOptions = {}): Scenario {
  const placeOf = (path: PathSegment[]): string | undefined => positionOf(data, path);
  checkNumbersAndDepth(data, placeOf);
  // Derived values are computed on a copy (the caller's data keeps its positions).
  const work = JSON.parse(JSON.stringify(data)) as unknown;
  resolveDerived(work, placeOf);
  const result = ScenarioSchema.safeParse(work);
  if (!result.success) throw zodToInputError(work, result.error, placeOf, opts.fileName);
  const scenario = result.data;
  checkReferences(scenario, placeOf);
  checkCitations(scenario, opts.readSource, placeOf);
  checkStatedQuotes(scenario, placeOf);
  checkTranslations(scenario, opts.readSource, placeOf);
  return scenario;
}

/**
 * Every number finite (YAML's `.nan` and `.inf` and JSON's `1e309` are refused where they stand,
 * not later when the scenario is hashed) and no nesting deeper than LIMITS.maxNestingDepth; one
 * pass with an explicit stack, so deep input cannot overflow the call stack here.
 */
function checkNumbersAndDepth(data: unknown, placeOf: (p: PathSegment[]) => string | undefined): void {
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: data, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) {
        throw new InputError(`${readablePath(data, path)}: expected a finite number, got ${String(node)}`, { place: placeOf(path) ?? formatPath(path), expected: 'a finite number' });
      }
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= LIMITS.maxNestingDepth) {
      throw new InputError(`nesting deeper than ${LIMITS.maxNestingDepth} levels (at ${formatPath(path)})`, { place: placeOf(path) ?? formatPath(path), expected: `at most ${LIMITS.maxNestingDepth} levels of nesting` });
    }
    if (Array.isArray(node)) node.forEach((x, i) => stack.push({ node: x, path: [...path, i] }));
    else for (const [k, x] of Object.entries(node as Record<string, unknown>)) stack.push({ node: x, path: [...path, k] });
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & { expected?: string; keys?: string[]; values?: unknown[] };
  if (i.code === 'invalid_type') return `expected ${i.expected}${/received/.test(i.message) ? ` (${i.message.replace(/^.*received/i, 'got')})` : ''}`;
  if (i.code === 'unrecognized_keys') return `unknown ${i.keys && i.keys.length > 1 ? 'properties' : 'property'} ${(i.keys ?? []).map((k) => `"${k}"`).join(', ')}`;
  if (i.code === 'invalid_value' && i.values) return `expected one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return i.message;
}

function zodToInputError(data: unknown, error: z.ZodError, placeOf: (p: PathSegment[]) => string | undefined, fileName?: string): InputError {
  const issues = error.issues;
  const lines = issues.slice(0, 6).map((issue) => {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    // An unknown property is placed at its own key (its line), not at the object holding it.
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys : undefined;
    const at = keys?.length ? [...path, keys[0]!] : path;
    return { path: at, text: `${readablePath(data, at)}: ${describeIssue(issue)}` };
  });
  const first = lines[0]!;
  const more = issues.length > 1 ? `\n${lines.slice(1).map((l) => `  also ${placeOf(l.path) ?? ''}${placeOf(l.path) ? ' ' : ''}${l.text}`).join('\n')}${issues.length > lines.length ? `\n  (${issues.length - lines.length} more)` : ''}` : '';
  const place = placeOf(first.path) ?? fileName ?? formatPath(first.path);
  return new InputError(`invalid scenario: ${first.text}${more}`, { place, expected: describeIssue(issues[0]!) });
}

/** Cross-reference checks on a shape-valid scenario. */
function checkReferences(s: Scenario, placeOf: (p: PathSegment[]) => string | undefined): void {
  const fail = (path: PathSegment[], message: string, expected?: string): never => {
    const where = readablePath(s, path);
    throw new InputError(`${where}: ${message}`, { place: placeOf(path) ?? formatPath(path), expected });
  };
  const uniqueIds = (list: { id: string }[], key: string): void => {
    const seen = new Set<string>();
    list.forEach((el, i) => {
      if (seen.has(el.id)) fail([key, i, 'id'], `duplicate id "${el.id}" in ${key}`);
      seen.add(el.id);
    });
  };
  uniqueIds(s.sources, 'sources');
  uniqueIds(s.actors, 'actors');
  uniqueIds(s.relations, 'relations');
  uniqueIds(s.doctrines, 'doctrines');
  uniqueIds(s.issues, 'issues');
  uniqueIds(s.events, 'events');
  uniqueIds(s.mechanisms, 'mechanisms');
  uniqueIds(s.assessments, 'assessments');
  uniqueIds(s.calibration, 'calibration');
  uniqueIds(s.variants, 'variants');

  const actorIds = new Set(s.actors.map((a) => a.id));
  const hint = 'an actor id';
  const actor = (id: string | undefined, path: PathSegment[]): void => {
    if (id !== undefined && !actorIds.has(id)) fail(path, `unknown actor "${id}"`, hint);
  };
  s.actors.forEach((a, i) => {
    actor(a.state, ['actors', i, 'state']);
    actor(a.affiliation, ['actors', i, 'affiliation']);
    actor(a.leader, ['actors', i, 'leader']);
    a.members?.forEach((m, j) => actor(m, ['actors', i, 'members', j]));
    if (a.capabilities) {
      const seen = new Set<string>();
      a.capabilities.forEach((c, j) => {
        if (seen.has(c.id)) fail(['actors', i, 'capabilities', j, 'id'], `duplicate capability id "${c.id}"`);
        seen.add(c.id);
      });
    }
  });
  s.relations.forEach((r, i) => {
    actor(r.from, ['relations', i, 'from']);
    actor(r.to, ['relations', i, 'to']);
    if (r.from === r.to) fail(['relations', i, 'to'], 'a relation needs two different actors');
  });
  s.doctrines.forEach((d, i) => actor(d.actor, ['doctrines', i, 'actor']));
  s.events.forEach((e, i) => {
    e.actors.forEach((a, j) => actor(a, ['events', i, 'actors', j]));
    if (e.endDate !== undefined && `${e.endDate}~` < e.date) fail(['events', i, 'endDate'], `endDate ${e.endDate} is before date ${e.date}`);
    // Partial dates are intervals: "2025-06" runs from "2025-06" to "2025-06~" ("~" sorts after digits).
    if (e.dateRange && (e.dateRange[0] > `${e.dateRange[1]}~` || e.date > `${e.dateRange[1]}~` || e.dateRange[0] > `${e.date}~`)) {
      fail(['events', i, 'dateRange'], `dateRange [${e.dateRange.join(', ')}] must be ordered and contain the date ${e.date}`);
    }
  });
  s.mechanisms.forEach((m, i) => m.actors?.forEach((a, j) => actor(a, ['mechanisms', i, 'actors', j])));
  s.assessments.forEach((a, i) => {
    actor(a.by, ['assessments', i, 'by']);
    a.about?.forEach((x, j) => actor(x, ['assessments', i, 'about', j]));
  });
  s.issues.forEach((issue, i) => {
    const { min, max } = issue.scale;
    issue.scale.anchors.forEach((an, j) => {
      if (an.value < min || an.value > max) fail(['issues', i, 'scale', 'anchors', j, 'value'], `anchor ${an.value} lies outside the scale [${min}, ${max}]`);
    });
    const seen = new Set<string>();
    issue.positions.forEach((p, j) => {
      actor(p.actor, ['issues', i, 'positions', j, 'actor']);
      if (seen.has(p.actor)) fail(['issues', i, 'positions', j, 'actor'], `actor "${p.actor}" has two positions on issue "${issue.id}"`);
      seen.add(p.actor);
      const v = p.position.value;
      if (v < min || v > max) fail(['issues', i, 'positions', j, 'position', 'value'], `position ${v} lies outside the scale [${min}, ${max}]`, `a number in [${min}, ${max}]`);
      if (p.clout.value < 0) fail(['issues', i, 'positions', j, 'clout', 'value'], `clout must be >= 0, got ${p.clout.value}`);
    });
  });
  for (const [kind, bindings] of Object.entries(s.models) as [string, Record<string, { roles?: Record<string, string> }> | undefined][]) {
    if (!bindings || kind === 'crisis') continue;
    for (const [modelId, binding] of Object.entries(bindings)) {
      for (const [role, id] of Object.entries(binding.roles ?? {})) actor(id, ['models', kind, modelId, 'roles', role]);
    }
  }
  s.variants.forEach((v, i) => {
    v.changes.forEach((c, j) => {
      let target: PathSegment[] = [];
      try {
        target = resolvePath(s, c.path);
      } catch (error) {
        const e = error as InputError;
        fail(['variants', i, 'changes', j, 'path'], `path ${c.path} does not exist in the scenario (${e.message})`, 'the JSON path of an existing value');
      }
      // Changing a part of a derived value would be undone when it is computed again: change its sources.
      for (let n = target.length - 1; n >= 1; n--) {
        const node = getAt(s, target.slice(0, n));
        if (node !== null && typeof node === 'object' && 'derived' in node && (node as { derived?: unknown }).derived !== undefined) {
          const sources = (node as { derived: { equals?: string; sum?: string[] } }).derived;
          fail(['variants', i, 'changes', j, 'path'], `path ${c.path} changes a derived value; change what it is derived from (${sources.equals ?? (sources.sum ?? []).join(' + ')}) instead`, 'the JSON path of a value that is not derived');
        }
      }
    });
  });
  s.issues.forEach((issue, i) => {
    issue.ruledOut?.forEach((r, j) => {
      if (r.range[0] < issue.scale.min || r.range[1] > issue.scale.max) {
        fail(['issues', i, 'ruledOut', j, 'range'], `range [${r.range.join(', ')}] lies outside the scale [${issue.scale.min}, ${issue.scale.max}]`);
      }
    });
  });
}
