/**
 * What evidence says about a scenario: values whose cited quote it supports, contradicts or updates;
 * coded events newer than the scenario's date; actors and causal mechanisms the scenario lacks; claims
 * of the scenario's experts and officials it does not record. The result is a report and a proposed
 * patch (./patch.ts) that a person reviews; nothing is applied.
 *
 * Rules (docs/evidence.md, "Into the scenario"):
 * - Values: every cited number of the scenario (`{ value, unit?, cite | assumption }` at any depth) is
 *   compared with the article's quantities of the same unit class (USD; share; tests and times; troops;
 *   shells and rounds; missiles; barrels; people...) whose sentence shares at least one topic with the
 *   value's quote and description (export, trade, nuclear test, missile, troops, shells, sanctions,
 *   exercises, fuel, aid, share; bilingual keyword lists) and, where both name actors, an actor. Same
 *   value (within 2% or inside the value's range when the text says "nearly"/"about"): supports.
 *   Different value: updates when the article is newer than the scenario and its sentence names a
 *   later year than the value's period, or names no year; contradicts when it speaks of the same
 *   period.
 * - Events: coded events reported as past, ongoing or future whose sentence dates them (absolute or
 *   relative date) after the scenario's `asOf`; undated events in an article's first three sentences
 *   (the news lead) of an article newer than the scenario, dated the week before the article. An event
 *   the scenario already has (same actors, within 7 days) is not proposed again.
 * - Actors: gazetteer entries the article mentions that are not scenario actors; speakers the gazetteer
 *   does not know.
 * - Mechanisms: sentences with a causal cue (导致, 促使, 加速, 削弱, led to, weakened...) between a cause
 *   and an effect that name at least one scenario actor, unless a mechanism already cites the sentence
 *   or shares two actors and a topic with it. Sign from the cue (加速 +, 削弱 -).
 * - Claims: claims of scenario actors that are persons or organisations, not yet cited by an assessment.
 */
import type { Scenario } from '../scenario/schema';
import { readablePath, type PathSegment } from '../scenario/json-path';
import { normaliseKey } from './normalise';
import type { ArticleEvidence, Claim, CodedEvent, DateMention, Quantity } from './types';

export interface EvidenceArticle {
  /** Source id the patch gives the article (e.g. "article-2025-10-15-dprk-parade"). */
  id: string;
  /** File name (for the patch's `file`) or null for pasted text. */
  file: string | null;
  title?: string;
  text: string;
  evidence: ArticleEvidence;
}

export type ValueStatus = 'supports' | 'contradicts' | 'updates';

export interface ValueFinding {
  status: ValueStatus;
  /** JSON path of the cited value, with id selectors: $.relations[id=china-dprk-trade].amounts.x */
  path: string;
  scenarioValue: number;
  unit: string | null;
  /** The scenario's cited quote (or locator / assumption) for the value. */
  cited: string | null;
  article: string;
  quantity: Quantity;
  /** The sentence the quantity is in (verbatim: a quote for the patch). */
  sentence: { start: number; end: number; text: string };
  why: string;
}

export interface EventFinding {
  article: string;
  event: CodedEvent;
  date: string;
  dateRange: [string, string];
  dateFrom: 'text' | 'article date';
  actors: string[];
}

export interface ActorFinding {
  article: string;
  id: string | null;
  text: string;
  kind: string;
  name_en: string | null;
  mentions: number;
  sentence: { start: number; end: number; text: string };
}

export interface MechanismFinding {
  article: string;
  cue: string;
  sign: '+' | '-';
  cause: string;
  effect: string;
  actors: string[];
  sentence: { start: number; end: number; text: string };
}

export interface ClaimFinding {
  article: string;
  claim: Claim;
  speaker: string;
}

export interface EvidenceReport {
  scenario: { id: string; asOf: string };
  articles: { id: string; file: string | null; date: string; language: string; newer: boolean; counts: Record<string, number> }[];
  values: ValueFinding[];
  events: EventFinding[];
  actors: ActorFinding[];
  mechanisms: MechanismFinding[];
  claims: ClaimFinding[];
}

interface CitedValue {
  path: PathSegment[];
  value: number;
  unit: string | null;
  range?: [number, number];
  cited: string | null;
  context: string;
  actors: string[];
  years: number[];
}

const TOPICS: Record<string, string[]> = {
  export: ['出口', 'export'],
  import: ['进口', 'import'],
  trade: ['贸易', 'trade'],
  'nuclear-test': ['核试', '核装置', '核子试', 'nuclear test', 'nuclear device', 'tested nuclear'],
  missile: ['飞弹', '导弹', 'missile', 'icbm'],
  troops: ['派兵', '士兵', '兵力', '部队', 'troops', 'soldiers'],
  shells: ['炮弹', '砲弹', '弹药', 'shells', 'artillery', 'rounds', 'munitions'],
  sanctions: ['制裁', 'sanction'],
  exercise: ['演习', '军演', '联演', 'drill', 'exercise'],
  fuel: ['油料', '石油', '燃油', '汽油', 'fuel', 'oil', 'petroleum', 'barrel'],
  aid: ['援助', 'aid', 'assistance'],
  share: ['占', '成', 'share', 'percent', '%'],
  warheads: ['弹头', 'warhead'],
  yield: ['当量', 'yield', 'kiloton'],
};

function topicsOf(text: string): Set<string> {
  const lower = normaliseKey(text).toLowerCase();
  const out = new Set<string>();
  for (const [topic, words] of Object.entries(TOPICS)) if (words.some((w) => lower.includes(w))) out.add(topic);
  return out;
}

function unitClass(unit: string | null | undefined): string {
  const u = (unit ?? '').toLowerCase();
  if (/usd|dollar|\$/.test(u)) return 'USD';
  if (/krw|won/.test(u)) return 'KRW';
  if (/share|percent|%/.test(u)) return 'share';
  if (/test|times/.test(u)) return 'tests';
  if (/troop|soldier|personnel/.test(u)) return 'troops';
  if (/round|shell/.test(u)) return 'shells';
  if (/missile|rocket/.test(u)) return 'missiles';
  if (/barrel/.test(u)) return 'barrels';
  if (/\bkt\b|kiloton/.test(u)) return 'kt';
  if (/warhead/.test(u)) return 'warheads';
  if (/people|person/.test(u)) return 'people';
  return u || 'count';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Every cited number of the scenario, with what surrounds it. */
export function citedValues(scenario: Scenario): CitedValue[] {
  const out: CitedValue[] = [];
  const walk = (node: unknown, path: PathSegment[], context: string[], actors: string[]): void => {
    if (Array.isArray(node)) {
      node.forEach((el, i) => walk(el, [...path, i], context, actors));
      return;
    }
    if (!isRecord(node)) return;
    const here = [...context];
    for (const key of path.length === 0 ? [] : ['description', 'what', 'title', 'statement']) {
      const v = node[key];
      if (typeof v === 'string') here.push(v);
      else if (isRecord(v) && typeof v.en === 'string') here.push(String(v.en), String(v['zh-Hant'] ?? ''));
    }
    const localActors = [...actors];
    for (const key of ['from', 'to', 'actor', 'by']) if (typeof node[key] === 'string') localActors.push(node[key] as string);
    if (Array.isArray(node.actors)) localActors.push(...(node.actors as unknown[]).filter((a): a is string => typeof a === 'string'));
    if (typeof node.value === 'number' && (isRecord(node.cite) || typeof node.assumption === 'string') && path[0] !== 'models' && path[0] !== 'variants' && path[0] !== 'issues') {
      const cite = isRecord(node.cite) ? node.cite : undefined;
      const cited = cite ? String(cite.quote ?? cite.locator ?? '') : String(node.assumption ?? '');
      const period = path.length > 0 ? '' : '';
      const years = [...`${path.join('.')} ${here.join(' ')} ${cited}${period}`.matchAll(/(19|20)\d\d/g)].map((m) => Number(m[0]));
      out.push({
        path,
        value: node.value,
        unit: typeof node.unit === 'string' ? node.unit : null,
        ...(Array.isArray(node.range) ? { range: node.range as [number, number] } : {}),
        cited: cited || null,
        context: [...here, cited, typeof node.note === 'string' ? node.note : ''].join(' '),
        actors: localActors,
        years,
      });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'cite' || key === 'also') continue;
      walk(value, [...path, key], here, localActors);
    }
  };
  walk(scenario, [], [], []);
  return out;
}

function sentenceOf(ev: ArticleEvidence, text: string, pos: number): { start: number; end: number; text: string } {
  const s = ev.sentences.find((x) => x.start <= pos && pos < x.end) ?? { start: pos, end: pos };
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}

function mentionIdsIn(ev: ArticleEvidence, start: number, end: number): string[] {
  return [...new Set(ev.mentions.filter((m) => m.start >= start && m.end <= end && m.id !== null).map((m) => m.id!))];
}

function yearsIn(dates: DateMention[], start: number, end: number): number[] {
  return dates.filter((d) => d.start >= start && d.end <= end && !d.relative).map((d) => Number(d.value.slice(0, 4)));
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.02 * Math.max(Math.abs(a), Math.abs(b));
}

/** The interval a quantity's wording allows: 近9成 [0.81, 0.9], 逾9成 [0.9, inf), 约 +-5%, exact +-2%. */
function quantityInterval(q: Quantity): [number, number] {
  const x = q.value;
  switch (q.approx) {
    case 'nearly':
      return [0.9 * x, x];
    case 'about':
      return [0.95 * x, 1.05 * x];
    case 'more than':
    case 'at least':
      return [x, Infinity];
    case 'less than':
    case 'at most':
    case 'up to':
      return [-Infinity, x];
    default:
      return [0.98 * x, 1.02 * x];
  }
}

/** The quantity supports the scenario's value: the value lies in the interval its wording allows. */
function agrees(q: Quantity, v: CitedValue): boolean {
  const [lo, hi] = quantityInterval(q);
  return (v.value >= lo && v.value <= hi) || (q.approx === null && close(q.value, v.value));
}

export function compareEvidence(scenario: Scenario, articles: readonly EvidenceArticle[]): EvidenceReport {
  const asOf = scenario.asOf;
  const actorIds = new Set(scenario.actors.map((a) => a.id));
  const actorKinds = new Map(scenario.actors.map((a) => [a.id, a.kind]));
  const values = citedValues(scenario);
  const report: EvidenceReport = {
    scenario: { id: scenario.id, asOf },
    articles: articles.map((a) => ({
      id: a.id,
      file: a.file,
      date: a.evidence.date,
      language: a.evidence.language,
      newer: a.evidence.date > asOf,
      counts: { mentions: a.evidence.mentions.length, quantities: a.evidence.quantities.length, dates: a.evidence.dates.length, events: a.evidence.events.length, claims: a.evidence.claims.length },
    })),
    values: [],
    events: [],
    actors: [],
    mechanisms: [],
    claims: [],
  };
  const citedQuotes = new Set<string>();
  for (const s of [scenario]) {
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (isRecord(n)) {
        if (typeof n.quote === 'string') citedQuotes.add(n.quote);
        Object.values(n).forEach(walk);
      }
    };
    walk(s);
  }
  for (const article of articles) {
    const ev = article.evidence;
    const newer = ev.date > asOf;
    // Values.
    for (const q of ev.quantities) {
      const sentence = sentenceOf(ev, article.text, q.start);
      const qTopics = topicsOf(sentence.text);
      const qActors = mentionIdsIn(ev, sentence.start, sentence.end);
      const qYears = yearsIn(ev.dates, sentence.start, sentence.end);
      let best: { v: CitedValue; score: number } | undefined;
      for (const v of values) {
        if (unitClass(v.unit) !== unitClass(q.unit) && !(unitClass(v.unit) === 'tests' && q.unit === 'times')) continue;
        const vTopics = topicsOf(v.context);
        const shared = [...qTopics].filter((t) => vTopics.has(t) && t !== 'share').length + (unitClass(q.unit) === 'share' && qTopics.has('trade') && vTopics.has('trade') ? 1 : 0);
        if (shared === 0) continue;
        const sharedActors = v.actors.filter((a) => qActors.includes(a)).length;
        if (v.actors.length > 0 && qActors.length > 0 && sharedActors === 0) continue;
        const score = shared * 2 + sharedActors;
        if (!best || score > best.score) best = { v, score };
      }
      if (!best) continue;
      const v = best.v;
      let status: ValueStatus;
      let why: string;
      if (agrees(q, v)) {
        status = 'supports';
        why = `${q.text} agrees with the scenario's ${v.value}${v.unit ? ` ${v.unit}` : ''}`;
      } else {
        const laterYear = qYears.length > 0 && v.years.length > 0 ? Math.max(...qYears) > Math.max(...v.years) : qYears.length === 0;
        status = newer && laterYear ? 'updates' : 'contradicts';
        why =
          status === 'updates'
            ? `a newer article (${ev.date}) gives ${q.text} where the scenario has ${v.value}${v.unit ? ` ${v.unit}` : ''}`
            : `${q.text} differs from the scenario's ${v.value}${v.unit ? ` ${v.unit}` : ''} for the same period`;
      }
      report.values.push({ status, path: readablePath(scenario, v.path), scenarioValue: v.value, unit: v.unit, cited: v.cited, article: article.id, quantity: q, sentence, why });
    }
    // Events.
    for (const e of ev.events) {
      if (e.modality === 'hypothetical' || e.modality === 'negated') continue;
      const inSentence = ev.dates.filter((d) => d.start >= e.start && d.end <= e.end);
      let date: string | undefined;
      let range: [string, string] | undefined;
      let from: EventFinding['dateFrom'] = 'text';
      const dated = inSentence.filter((d) => d.range[1] > asOf);
      if (inSentence.length > 0) {
        if (dated.length === 0) continue;
        const d = dated[0]!;
        date = d.value;
        range = d.range;
      } else {
        const index = ev.sentences.findIndex((s) => s.start === e.start);
        if (!newer || index > 2) continue;
        date = ev.date;
        range = [ev.date, ev.date];
        from = 'article date';
      }
      const actors = [...new Set([...e.sources, ...e.targets])];
      const known = scenario.events.some((se) => Math.abs(dayNumber(se.date) - dayNumber(date!)) <= 7 && actors.filter((a) => se.actors.includes(a)).length >= Math.min(2, actors.length));
      if (known) continue;
      report.events.push({ article: article.id, event: e, date: date!, dateRange: range!, dateFrom: from, actors });
    }
    // Actors.
    const seen = new Map<string, ActorFinding>();
    for (const m of ev.mentions) {
      if (m.id !== null && actorIds.has(m.id)) continue;
      const key = m.id ?? `text:${m.text}`;
      const found = seen.get(key);
      if (found) {
        found.mentions++;
        continue;
      }
      const f: ActorFinding = { article: article.id, id: m.id, text: m.text, kind: m.kind, name_en: m.name_en, mentions: 1, sentence: sentenceOf(ev, article.text, m.start) };
      seen.set(key, f);
      if (!report.actors.some((a) => (a.id ?? a.text) === (m.id ?? m.text))) report.actors.push(f);
    }
    // Mechanisms.
    for (const s of ev.sentences) {
      const text = article.text.slice(s.start, s.end);
      const norm = normaliseKey(text);
      const cue = causalCue(norm, ev.language === 'en');
      if (!cue) continue;
      const actors = mentionIdsIn(ev, s.start, s.end).filter((a) => actorIds.has(a));
      if (actors.length === 0) continue;
      if (scenario.mechanisms.some((mech) => [mech.cite, ...(mech.also ?? [])].some((c) => c?.quote !== undefined && text.includes(c.quote)))) continue;
      const topics = topicsOf(text);
      const covered = scenario.mechanisms.some((mech) => {
        const shared = (mech.actors ?? []).filter((a) => actors.includes(a)).length;
        const mt = topicsOf(`${mech.cause} ${mech.effect} ${mech.description ?? ''}`);
        return shared >= Math.min(2, actors.length) && [...topics].some((t) => mt.has(t));
      });
      if (covered) continue;
      const at = cue.index;
      report.mechanisms.push({
        article: article.id,
        cue: text.slice(at, at + cue.word.length),
        sign: cue.sign,
        cause: text.slice(0, at).replace(/^[\s,，]+|[\s,，]+$/g, ''),
        effect: text.slice(at + cue.word.length).replace(/^[\s,，]+|[\s,，。.]+$/g, ''),
        actors,
        sentence: { start: s.start, end: s.end, text },
      });
    }
    // Claims of scenario experts and officials not yet recorded.
    for (const c of ev.claims) {
      if (!actorIds.has(c.speaker)) continue;
      const kind = actorKinds.get(c.speaker);
      if (kind !== 'person' && kind !== 'organisation') continue;
      if ([...citedQuotes].some((q) => c.text.includes(q) || q.includes(c.text))) continue;
      report.claims.push({ article: article.id, claim: c, speaker: c.speaker });
    }
  }
  return report;
}

function dayNumber(date: string): number {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7) || 1), Number(date.slice(8, 10) || 1)];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const CAUSAL_ZH: [string, '+' | '-'][] = [
  ['导致', '+'], ['促使', '+'], ['使得', '+'], ['造成', '+'], ['加速', '+'], ['加剧', '+'], ['引发', '+'], ['激怒', '+'], ['迫使', '+'], ['提高', '+'], ['增加', '+'], ['加强', '+'],
  ['削弱', '-'], ['减少', '-'], ['降低', '-'], ['阻止', '-'], ['吓阻', '-'], ['抑制', '-'], ['削减', '-'], ['打乱', '-'],
];
const CAUSAL_EN: [RegExp, '+' | '-'][] = [
  [/\b(led to|leads to|lead to|caused|causes|prompted|prompts|pushed|pushes|forced|forces|increased|increases|raised|raises|accelerated|accelerates|fuel(?:ed|s)|triggered|triggers|strengthened|strengthens|drove|drives|boosted|boosts)\b/, '+'],
  [/\b(weakened|weakens|reduced|reduces|lowered|lowers|undermined|undermines|deterred|deters|hampered|hampers|curbed|curbs|eroded|erodes)\b/, '-'],
];

function causalCue(norm: string, english: boolean): { index: number; word: string; sign: '+' | '-' } | undefined {
  if (english) {
    for (const [re, sign] of CAUSAL_EN) {
      const m = re.exec(norm);
      if (m && m.index > 10) return { index: m.index, word: m[0], sign };
    }
    return undefined;
  }
  let best: { index: number; word: string; sign: '+' | '-' } | undefined;
  for (const [word, sign] of CAUSAL_ZH) {
    const i = norm.indexOf(word);
    if (i > 2 && (!best || i < best.index)) best = { index: i, word, sign };
  }
  return best;
}
