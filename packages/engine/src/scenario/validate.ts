/**
 * Scenario validation: shapes (zod), then references (ids exist and are unique, positions lie on
 * their scales, variant paths exist), then citations (./citations.ts). The first problem found is
 * thrown as an `InputError` whose place is `file:line:col` when the data came from
 * `parseScenarioText`, else the JSON path; the message always names the JSON path.
 */
import type { z } from 'zod';
import { InputError } from '../errors';
import { checkCitations, type SourceReader } from './citations';
import { formatPath, readablePath, resolvePath, type PathSegment } from './json-path';
import { positionOf } from './parse';
import { ScenarioSchema, type Scenario } from './schema';

export interface ValidateOptions {
  /** File name for messages when the data did not come from `parseScenarioText`. */
  fileName?: string;
  /** Returns a source's stored text; without it, quotes are not checked against texts. */
  readSource?: SourceReader;
}

export function validateScenario(data: unknown, opts: ValidateOptions = {}): Scenario {
  const placeOf = (path: PathSegment[]): string | undefined => positionOf(data, path);
  const result = ScenarioSchema.safeParse(data);
  if (!result.success) throw zodToInputError(data, result.error, placeOf, opts.fileName);
  const scenario = result.data;
  checkReferences(scenario, placeOf);
  checkCitations(scenario, opts.readSource, placeOf);
  return scenario;
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
    return { path, text: `${readablePath(data, path)}: ${describeIssue(issue)}` };
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
      try {
        resolvePath(s, c.path);
      } catch (error) {
        const e = error as InputError;
        fail(['variants', i, 'changes', j, 'path'], `path ${c.path} does not exist in the scenario (${e.message})`, 'the JSON path of an existing value');
      }
    });
  });
}
