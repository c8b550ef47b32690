/**
 * Gazetteer files (YAML) and the scenario's actors as gazetteer layers.
 *
 * A gazetteer file adds entries without code (docs/evidence.md, "Gazetteer file"):
 *
 *   entries:
 *     - id: dprk                      # reuse a scenario id to add names to that actor
 *       kind: state                   # state | person | organisation | alliance | group
 *       name_en: North Korea (DPRK)
 *       names: [North Korea, DPRK, 北韓, 朝鲜, 북한]
 *       metonyms: [Pyongyang, 平壤]   # capitals and seats of government
 *       abbreviations: [朝]           # one-character forms used in compounds (美朝, 中朝)
 *     - id: lee-jae-myung
 *       kind: person
 *       name_en: Lee Jae-myung
 *       names: [Lee Jae-myung, 李在明]
 *       roles: [南韓總統, South Korean President]
 *       tenure: { from: "2025-06-04" }
 *       state: rok
 *   ignore: [朝鮮半島, Korean Peninsula]   # phrases that contain a name but name no actor
 *   compounds: { 南北韓: [rok, dprk] }      # phrases that name several actors
 *
 * Errors name `file:line:col` (the YAML position of the bad value).
 */
import { z } from 'zod';
import { InputError } from '../errors';
import { parseScenarioText, positionOf } from '../scenario/parse';
import type { Actor, Scenario } from '../scenario/schema';
import { nameForms, type GazetteerEntry, type GazetteerInput } from './gazetteer';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id: letters, digits and dashes');
const Day = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
const Names = z.array(z.string().min(1));

const EntrySchema = z.strictObject({
  id: Id,
  kind: z.enum(['state', 'person', 'organisation', 'alliance', 'group']),
  name_en: z.string().min(1),
  names: Names.default([]),
  metonyms: Names.optional(),
  abbreviations: z.array(z.string().regex(/^\p{Script=Han}$/u, 'one Chinese character')).optional(),
  roles: Names.optional(),
  tenure: z.strictObject({ from: Day.optional(), to: Day.optional() }).optional(),
  state: Id.optional(),
  affiliation: Id.optional(),
  note: z.string().optional(),
});

const FileSchema = z.strictObject({
  entries: z.array(EntrySchema).default([]),
  ignore: Names.default([]),
  compounds: z.record(z.string().min(1), z.array(Id).min(2)).default({}),
});

/** Parses a gazetteer file. Throws `InputError` at `file:line:col`. */
export function parseGazetteerText(text: string, fileName: string): GazetteerInput {
  const data = parseScenarioText(text, fileName);
  const result = FileSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const place = positionOf(data, path) ?? fileName;
    const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    throw new InputError(`$${where}: ${issue.message}`, { place, expected: 'a gazetteer file: { entries: [{ id, kind, name_en, names }], ignore?, compounds? }' });
  }
  const ids = new Set<string>();
  result.data.entries.forEach((e, i) => {
    if (ids.has(e.id)) throw new InputError(`duplicate id "${e.id}"`, { place: positionOf(data, ['entries', i, 'id']) ?? fileName });
    ids.add(e.id);
  });
  const entries: GazetteerEntry[] = result.data.entries.map(({ note: _note, ...e }) => e);
  return { entries, ignore: result.data.ignore, compounds: result.data.compounds };
}

function actorEntry(actor: Actor): GazetteerEntry {
  const names = new Set<string>();
  for (const value of Object.values(actor.names)) if (value) for (const form of nameForms(value)) names.add(form);
  for (const alias of actor.aliases ?? []) names.add(alias);
  const entry: GazetteerEntry = { id: actor.id, kind: actor.kind, name_en: actor.names.en, names: [...names] };
  if (actor.state) entry.state = actor.state;
  if (actor.affiliation) entry.affiliation = actor.affiliation;
  if (actor.tenure) entry.tenure = { ...(actor.tenure.from ? { from: actor.tenure.from } : {}), ...(actor.tenure.to ? { to: actor.tenure.to } : {}) };
  return entry;
}

/** The scenario's actors as a gazetteer layer (names in every language and aliases). */
export function scenarioGazetteer(scenario: Pick<Scenario, 'actors'>): GazetteerInput {
  return { entries: scenario.actors.map(actorEntry) };
}
