/**
 * The proposed scenario patch: what the evidence report (./compare.ts) suggests changing, as a YAML
 * document a person reviews, edits and applies on purpose. Never applied silently.
 *
 * Format (docs/evidence.md, "Patch"): `{ scenario, basedOn, changes: [{ op, path, value, was?, why }] }`
 * where `op` is `add` (append `value` to the array at `path`: $.sources, $.events, $.actors,
 * $.mechanisms, $.assessments) or `replace` (the cited value at `path`, a JSON path with id selectors
 * as in variants: $.relations[id=china-dprk-trade].amounts.dprkExportsToChina2024). Every proposed
 * element cites the article with a verbatim quote (the sentence), so the patched scenario passes
 * `brink scenario validate` once the article file sits beside the scenario or in sources/.
 * `applyPatch` applies it to a copy (for review tools and tests), never to a file.
 */
import { stringify } from 'yaml';
import { InputError } from '../errors';
import { getAt, parsePath, resolvePath, setAt } from '../scenario/json-path';
import type { Scenario } from '../scenario/schema';
import type { EvidenceArticle, EvidenceReport } from './compare';
import type { CodedEvent } from './types';

export interface PatchChange {
  op: 'add' | 'replace';
  path: string;
  value: unknown;
  was?: unknown;
  why: string;
}

export interface ScenarioPatch {
  scenario: string;
  /** Article source ids the patch cites. */
  articles: string[];
  changes: PatchChange[];
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

const EVENT_KINDS: Record<string, string> = {
  '01': 'statement', '02': 'appeal', '03': 'intent', '04': 'meeting', '05': 'diplomacy', '06': 'cooperation', '07': 'aid', '08': 'concession',
  '09': 'investigation', '10': 'demand', '11': 'criticism', '12': 'rejection', '13': 'threat', '14': 'protest', '15': 'military-posture',
  '16': 'reduced-relations', '17': 'coercion', '18': 'assault', '19': 'fighting', '20': 'mass-violence',
};

function eventKind(e: CodedEvent): string {
  if (e.code === '1562') return 'nuclear-test';
  if (e.code.startsWith('156')) return 'weapons-test';
  return EVENT_KINDS[e.root] ?? 'event';
}

export function buildPatch(scenario: Scenario, report: EvidenceReport, articles: readonly EvidenceArticle[]): ScenarioPatch {
  const changes: PatchChange[] = [];
  const used = new Set<string>();
  const byId = new Map(articles.map((a) => [a.id, a]));
  const nameOf = (id: string) => scenario.actors.find((a) => a.id === id)?.names.en ?? id;
  const ids = new Set<string>([...scenario.events.map((e) => e.id), ...scenario.actors.map((a) => a.id), ...scenario.mechanisms.map((m) => m.id), ...scenario.assessments.map((a) => a.id)]);
  const fresh = (base: string) => {
    let id = base || 'item';
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    return id;
  };
  for (const v of report.values) {
    if (v.status === 'supports') continue;
    used.add(v.article);
    changes.push({
      op: 'replace',
      path: v.path,
      value: { value: v.quantity.value, unit: v.unit ?? v.quantity.unit, cite: { source: v.article, quote: v.sentence.text, support: 'states' }, note: `${v.quantity.text}${v.quantity.approx ? ` (${v.quantity.approx})` : ''}` },
      was: { value: v.scenarioValue, cited: v.cited },
      why: `${v.status}: ${v.why}`,
    });
  }
  for (const f of report.events) {
    used.add(f.article);
    const e = f.event;
    const actors = f.actors.filter((a) => scenario.actors.some((x) => x.id === a));
    if (actors.length === 0) continue;
    const title = `${nameOf(e.source)}: ${e.name}${e.target ? ` (${nameOf(e.target)})` : ''}`;
    changes.push({
      op: 'add',
      path: '$.events',
      value: {
        id: fresh(slug(`${f.date}-${e.source}-${eventKind(e)}`)),
        date: f.date,
        ...(f.dateRange[0] !== f.dateRange[1] ? { dateRange: [f.dateRange[0], f.dateRange[1]] } : {}),
        ...(e.modality === 'future' || e.modality === 'intended' ? { status: 'expected' } : {}),
        kind: eventKind(e),
        title: { en: title, 'zh-Hant': e.trigger.text },
        description: `CAMEO ${e.code} (${e.name}), Goldstein ${e.goldstein}${e.plover ? `, PLOVER ${e.plover}` : ''}; modality ${e.modality}; dated from the ${f.dateFrom}.`,
        actors,
        cite: { source: f.article, quote: e.text },
      },
      why: `event after the scenario's date (${report.scenario.asOf}): ${e.code} ${e.name}`,
    });
  }
  for (const a of report.actors) {
    const article = byId.get(a.article);
    if (!article) continue;
    used.add(a.article);
    const chinese = article.evidence.language !== 'en';
    const id = fresh(a.id ?? slug(a.name_en ?? '') ?? 'actor');
    changes.push({
      op: 'add',
      path: '$.actors',
      value: {
        id: a.id ?? (id || fresh('new-actor')),
        kind: a.kind === 'organisation' ? 'organisation' : a.kind,
        names: { en: a.name_en ?? `${a.text} (give the English name)`, 'zh-Hant': chinese ? a.text : (a.name_en ?? a.text) },
        cite: { source: a.article, quote: a.sentence.text },
      },
      why: a.id ? `named ${a.mentions} time(s); in the gazetteer but not in the scenario` : `speaker the gazetteer does not know (${a.text})`,
    });
  }
  report.mechanisms.forEach((m) => {
    used.add(m.article);
    changes.push({
      op: 'add',
      path: '$.mechanisms',
      value: { id: fresh(slug(`evidence-${m.article}-mechanism`)), cause: m.cause || m.sentence.text, effect: m.effect || m.sentence.text, sign: m.sign, actors: m.actors, cite: { source: m.article, quote: m.sentence.text } },
      why: `causal link (${m.cue}) the scenario's mechanisms do not cover; rewrite cause and effect in English`,
    });
  });
  for (const c of report.claims) {
    used.add(c.article);
    changes.push({
      op: 'add',
      path: '$.assessments',
      value: { id: fresh(slug(`${c.speaker}-${c.article}`)), by: c.speaker, statement: c.claim.text, cite: { source: c.article, quote: c.claim.text } },
      why: `claim of ${nameOf(c.speaker)} (${c.claim.verb}) not yet recorded; paraphrase the statement in English`,
    });
  }
  const sources: PatchChange[] = [...used].map((id) => {
    const a = byId.get(id)!;
    return {
      op: 'add' as const,
      path: '$.sources',
      value: {
        id,
        title: a.title ?? firstLine(a.text),
        publisher: 'Unknown (fill in)',
        date: a.evidence.date,
        language: a.evidence.language,
        ...(a.file ? { file: a.file } : {}),
      },
      why: a.file ? `the article the changes below cite; copy ${a.file} beside the scenario or into sources/` : 'the article the changes below cite; store its text as a file and name it here',
    };
  });
  return { scenario: scenario.id, articles: [...used], changes: [...sources, ...changes] };
}

function firstLine(text: string): string {
  const body = text.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+/, '');
  const line = body.split('\n').find((l) => l.trim() !== '') ?? 'Article';
  return line.trim().slice(0, 60);
}

/** The patch as YAML, with a header saying what it is. */
export function patchToYaml(patch: ScenarioPatch, header: string[] = []): string {
  const lines = [
    '# Proposed scenario changes from evidence: review, edit, then apply on purpose (nothing is applied).',
    ...header.map((h) => `# ${h}`),
  ];
  return `${lines.join('\n')}\n${stringify(patch, { lineWidth: 0 })}`;
}

/** The scenario with the patch applied (a copy); a path that does not resolve is an InputError. */
export function applyPatch(scenario: Scenario, patch: ScenarioPatch): Scenario {
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  patch.changes.forEach((change, i) => {
    const place = `$.changes[${i}].path`;
    let concrete;
    try {
      concrete = resolvePath(copy, parsePath(change.path));
    } catch (error) {
      throw new InputError(`${change.path}: ${(error as Error).message}`, { place });
    }
    if (change.op === 'add') {
      const target = getAt(copy, concrete);
      if (!Array.isArray(target)) throw new InputError(`${change.path} is not a list`, { place });
      target.push(change.value);
    } else setAt(copy, concrete, change.value);
  });
  return copy;
}
