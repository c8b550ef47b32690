/**
 * The event coder: who did what to whom, in CAMEO codes. English sentences go to ./events-en.ts (a
 * shallow clause analysis); this file codes Chinese sentences.
 *
 * Method: dictionary patterns (TABARI/PETRARCH style, Schrodt 2012 and Norris, Schrodt & Beieler 2017)
 * without a parser: the predicate dictionary ./lexicon-zh.ts (format ./lexicon.ts) finds triggers;
 * the gazetteer's mentions and generic agents (./agents.ts: 警方, 叛軍, 政府, with CAMEO agent codes)
 * give the actors; positional rules pick the source and the target; cue words give the modality
 * (./modality.ts). A sentence whose predicate is not in the dictionary, or whose source actor cannot
 * be found, yields no event: the coder never guesses (and never falls back to 010 "make statement",
 * PETRARCH's inflating default; statements are claims, ./claims.ts).
 *
 * Rules (docs/evidence.md, "Coding rules"):
 * 1. Clauses: sentences split at ， ； ： (outside 「」).
 * 2. Triggers: all dictionary matches in the clause; where they overlap, the longest wins (推迟…演习
 *    over 演习), then the one written without a gap. Refinements pick a 3-4 digit code from words of
 *    the clause.
 * 3. Embedded predicates are not events: a trigger followed within 7 characters by 的 and not preceded
 *    by an actor, the clause start, an adverb, an aspect marker (已, 将, 又, 更, 并, 还, 则, 曾...) or a
 *    time word (周一, 昨天) modifies a noun (可打击美国的飞弹 "missiles that can strike the US"). A trigger
 *    right after 的 (…的合作), before 事件/案 (枪击事件), or between a state and an agent followed by
 *    another predicate (肯亚罢工医生要求) is a noun or a modifier.
 * 4. Actors: gazetteer mentions; generic agents, joined to a state or organisation right before them
 *    (肯亚警方 = Kenya, COP) unless they are a person's title (日本首相高市早苗); agents side by side are
 *    one (反对派领导人).
 * 5. Source: in a passive (被X) the agent. Else the nearest actor before the trigger in the clause that
 *    is not the object of a preposition (对 向 与 和 同 跟 给 为 从 在 于 至) - except that two actors
 *    joined by 与/和/及 right before a reciprocal act (meet, negotiate, cooperate, sign) are both
 *    sources. Else the subject carried from an earlier clause of the sentence (Chinese drops repeated
 *    subjects). No source: no event.
 * 6. Target: an actor after 对/向/与/和/同/跟/给 before the trigger, else the first actor after the
 *    trigger in the clause (after 至/到/往 too); for reciprocal acts with two sources and no target, the
 *    second source. A meeting, visit or call needs a counterpart.
 * 7. Speech acts take their content: an act after an appeal, intent, demand, rejection or threat in
 *    the same clause is what is appealed for, demanded or threatened, not a separate event
 *    (呼吁…暂停散播).
 * 8. Refusal (无意, 不愿, 不想, 不打算 before a cooperative act) is CAMEO 12 (无意改善关系 -> 120).
 * 9. Who acts: force used by protesters or civilians is 145 (144 for blocking), by gunmen or
 *    criminals 180.
 * 10. Modality and CAMEO's future rule (./modality.ts): 将访问 is 036, 将攻击 1384.
 */
import { cameoCode } from './cameo';
import { codeEnglishSentence } from './events-en';
import { parseLexicon, refine, resolveOverlaps, type Candidate, type Rule } from './lexicon';
import { ZH_LEXICON, ZH_REFUSAL_CUES } from './lexicon-zh';
import { chineseModality, futureCode, refusalCode } from './modality';
import { mentionsBySentence } from './claims';
import { normaliseKey } from './normalise';
import { ZH_AGENTS } from './agents';
import type { WordBoundaries } from './segment';
import type { CodedEvent, Mention, Modality, Offsets } from './types';

export interface EventDoc {
  text: string;
  norm: string;
  sentences: readonly Offsets[];
  chinese: boolean;
  words: WordBoundaries;
  mentions: readonly Mention[];
}

/** An actor in a clause: a gazetteer mention or, for English, a noun phrase the gazetteer does not know. */
interface ActorSpan {
  start: number;
  end: number;
  /** Gazetteer id or the text as written. */
  ref: string;
  /** CAMEO agent code of a generic agent (警方 = COP), or null. */
  agent: string | null;
}

const RECIPROCAL = new Set(['036', '040', '041', '044', '046', '050', '057', '060', '061', '062', '063', '064', '019']);

let zhRules: Map<string, Rule[]> | undefined;

function chineseRules(): Map<string, Rule[]> {
  if (zhRules) return zhRules;
  zhRules = new Map();
  for (const rule of parseLexicon(ZH_LEXICON, true)) {
    const first = rule.parts[0]![0]!;
    const key = first[0]!;
    const list = zhRules.get(key) ?? [];
    list.push(rule);
    zhRules.set(key, list);
  }
  return zhRules;
}

const ZH_CLAUSE = /[,;:，；：]/;
const ZH_SPEECH_END = /(说|表示|指出|认为|警告|分析|强调|相信|透露|宣称|声称|称|坦言|直言|重申|提到|补充|解释|预测|报告|报导|报道)$/;
const ZH_PREPOSITIONS = new Set([...'对向与和同跟给为从在于至及把将被']);
const ZH_TARGET_PREPOSITIONS = new Set([...'对向与和同跟给']);
const ZH_MAIN_MARKERS = ['已经', '已', '将', '又', '更', '并', '还', '则', '均', '都', '曾', '正', '仍', '亦', '却', '先', '才', '就', '即', '再', '也', '遂', '首度', '首次', '率先', '决定', '宣布', '同意', '开始', '继续', '持续', '公开', '共同', '联合', '相互', '互相', '分别', '再度', '再次', '迄今', '不', '未', '没', '可能', '会', '拟', '要', '想', '希望', '计划', '准备', '打算', '试图', '企图', '寻求', '愿意', '预计', '藉机', '借机', '以', '年', '月', '日', '度', '次', '严厉', '强烈', '大举', '正式', '紧急', '积极', '持续', '一再', '多次', '屡次', '无意', '不愿', '不想', '仅', '只', '僅'];

let zhRefusal: string[] | undefined;
let zhMarkers: string[] | undefined;
/** The cue lists, normalised once (the text they are compared with is normalised). */
const refusalCues = (): string[] => (zhRefusal ??= ZH_REFUSAL_CUES.map(normaliseKey));
const mainMarkers = (): string[] => (zhMarkers ??= ZH_MAIN_MARKERS.map(normaliseKey));

function clausesOf(text: string, sentence: Offsets): Offsets[] {
  const out: Offsets[] = [];
  let start = sentence.start;
  let depth = 0;
  for (let i = sentence.start; i < sentence.end; i++) {
    const ch = text[i]!;
    if (ch === '「' || ch === '『' || ch === '“') depth++;
    else if ((ch === '」' || ch === '』' || ch === '”') && depth > 0) depth--;
    else if (depth === 0 && ZH_CLAUSE.test(ch)) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: sentence.end });
  return out.filter((c) => c.end > c.start);
}

function chineseCandidates(norm: string, clause: Offsets): Candidate[] {
  const rules = chineseRules();
  const out: Candidate[] = [];
  for (let i = clause.start; i < clause.end; i++) {
    const list = rules.get(norm[i]!);
    if (!list) continue;
    for (const rule of list) {
      const first = rule.parts[0]![0]!;
      if (!norm.startsWith(first, i) || i + first.length > clause.end) continue;
      let end = i + first.length;
      let ok = true;
      for (let p = 1; p < rule.parts.length; p++) {
        const part = rule.parts[p]![0]!;
        // Search only the window the rule allows (16 characters of gap, inside the clause).
        const found = norm.slice(end, Math.min(clause.end, end + 16 + part.length)).indexOf(part);
        const at = found < 0 ? -1 : end + found;
        if (at < 0 || at + part.length > clause.end || /[并]/.test(norm.slice(end, at)) || norm[end] === '的') {
          ok = false;
          break;
        }
        end = at + part.length;
      }
      if (ok) out.push({ rule, start: i, end, headEnd: i + first.length });
    }
  }
  return out;
}

function actorsOf(doc: EventDoc, mentions: readonly Mention[], sentence: Offsets): ActorSpan[] {
  const out: ActorSpan[] = mentions
    .filter((m) => m.via !== 'role' || !mentions.some((n) => n !== m && n.via !== 'role' && n.start >= m.start && n.end <= m.end && n.kind === 'person'))
    .map((m) => ({ start: m.start, end: m.end, ref: m.id ?? m.text, agent: null }));
  // A role mention overlaps the state named inside it (南韩总统 and 南韩): keep the longer.
  const kept = out.filter((a) => !out.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  kept.push(...chineseAgents(doc, sentence, kept));
  return kept.sort((a, b) => a.start - b.start);
}

let zhAgentIndex: Map<string, { key: string; code: string }[]> | undefined;

function chineseAgentIndex(): Map<string, { key: string; code: string }[]> {
  if (zhAgentIndex) return zhAgentIndex;
  zhAgentIndex = new Map();
  for (const [word, code] of Object.entries(ZH_AGENTS)) {
    const key = normaliseKey(word);
    const list = zhAgentIndex.get(key[0]!) ?? [];
    if (!list.some((x) => x.key === key)) list.push({ key, code });
    zhAgentIndex.set(key[0]!, list);
  }
  for (const list of zhAgentIndex.values()) list.sort((a, b) => b.key.length - a.key.length);
  return zhAgentIndex;
}

/**
 * Generic agents in a Chinese sentence (警方, 叛軍, 示威者; ./agents.ts), longest first. An agent right
 * after a state or organisation (肯亞警方, 美國政府, 法國的軍方) is that actor, with the agent's code;
 * agents side by side are one (反對派領導人 = OPP); else the agent is an actor of its own, reported as
 * written.
 */
function chineseAgents(doc: EventDoc, sentence: Offsets, known: ActorSpan[]): ActorSpan[] {
  const index = chineseAgentIndex();
  const out: ActorSpan[] = [];
  const { norm } = doc;
  let i = sentence.start;
  while (i < sentence.end) {
    const list = index.get(norm[i]!);
    const hit = list?.find((x) => norm.startsWith(x.key, i) && i + x.key.length <= sentence.end);
    if (!hit || known.some((k) => k.start < i + hit.key.length && i < k.end)) {
      i++;
      continue;
    }
    const end = i + hit.key.length;
    // A title before a name (日本首相高市早苗, 中國外長王毅) belongs to the person: no agent of its own.
    if (doc.mentions.some((m) => m.kind === 'person' && (m.start === end || (m.start === end + 1 && /[·・\s]/.test(norm[end]!))))) {
      i = end;
      continue;
    }
    const prevAgent = out[out.length - 1];
    const owner = known.find((k) => k.end === i || (k.end === i - 1 && norm[i - 1] === '的'));
    const ownerMention = owner ? doc.mentions.find((m) => m.start === owner.start && m.end === owner.end) : undefined;
    if (prevAgent && prevAgent.end === i) {
      prevAgent.end = end;
    } else if (owner && ownerMention?.kind !== 'person') {
      owner.end = end;
      owner.agent = hit.code;
    } else {
      out.push({ start: i, end, ref: doc.text.slice(i, end), agent: hit.code });
    }
    i = end;
  }
  // A merged agent phrase is reported as written in full (反對派領導人).
  for (const a of out) a.ref = doc.text.slice(a.start, a.end);
  return out;
}

const ZH_DISSENT_AGENTS = new Set(['OPP', 'CVL', 'LAB', 'AGR', 'EDU', 'REF', 'HLH']);

/** As in English (./events-en.ts, byActors): force used by protesters or civilians is violent protest (145, 144); by gunmen or criminals, unconventional violence (180). */
function byAgentZh(code: string, sources: ActorSpan[]): string {
  const agent = sources[0]?.agent ?? null;
  if (agent === null || !code.startsWith('19')) return code;
  const generic = sources.every((s) => s.agent !== null && !/^[a-z0-9-]+$/.test(s.ref));
  const three = code.slice(0, 3);
  if (ZH_DISSENT_AGENTS.has(agent) && generic) return three === '191' || three === '192' ? '144' : '145';
  if (agent === 'UAF' || agent === 'CRM') return '180';
  return code;
}

function precededByPrepositionZh(norm: string, clauseStart: number, a: ActorSpan, actors: readonly ActorSpan[] = []): string | undefined {
  // The start of an abbreviation compound or coordination the actor ends (将美韩…: 韩 is after 将 too).
  let start = a.start;
  for (;;) {
    const prev = actors.find((b) => b.end === start || (b.end < start && /^(与|和|及|、)$/.test(norm.slice(b.end, start))));
    if (!prev || prev.start >= start) break;
    start = prev.start;
  }
  const ch = start > clauseStart ? norm[start - 1]! : '';
  return ZH_PREPOSITIONS.has(ch) ? ch : undefined;
}

function coordinatedBefore(doc: EventDoc, actors: ActorSpan[], triggerStart: number): ActorSpan[] {
  // X与Y / X and Y ending right before the trigger (a few characters of slack for adverbs).
  const before = actors.filter((a) => a.end <= triggerStart).slice(-2);
  if (before.length < 2) return [];
  const [x, y] = before as [ActorSpan, ActorSpan];
  const between = doc.norm.slice(x.end, y.start);
  const gap = doc.norm.slice(y.end, triggerStart);
  const conj = doc.chinese ? /^(与|和|及|、|跟|同)$/.test(between) : /^\s*(and|,)\s*$/.test(between);
  return conj && gap.length <= (doc.chinese ? 4 : 25) ? [x, y] : [];
}

/** Codes the events of an article. */
export function codeEvents(doc: EventDoc): CodedEvent[] {
  const out: CodedEvent[] = [];
  const bySentence = mentionsBySentence(doc);
  if (!doc.chinese) return doc.sentences.flatMap((sentence, k) => codeEnglishSentence({ text: doc.text, norm: doc.norm, sentence, mentions: bySentence[k]! }));
  for (const [k, sentence] of doc.sentences.entries()) {
    const clauses = clausesOf(doc.norm, sentence);
    const actors = actorsOf(doc, bySentence[k]!, sentence);
    let carried: { refs: string[]; modality: Modality | null } | undefined;
    for (const clause of clauses) {
      const candidates = resolveOverlaps(chineseCandidates(doc.norm, clause));
      const clauseActors = actors.filter((a) => a.start >= clause.start && a.end <= clause.end);
      const clauseText = doc.norm.slice(clause.start, clause.end);
      let speechActEnd = -1;
      let clauseSubject: string[] | undefined;
      let lastModality: Modality | null = null;
      for (const c of candidates) {
        if (c.rule.block) continue;
        if (c.start < speechActEnd) continue;
        if (isEmbeddedZh(doc, clause, c, clauseActors)) continue;
        // Source.
        let sources: ActorSpan[] = [];
        let targets: ActorSpan[] = [];
        const passive = passiveAgentZh(doc, clause, c, clauseActors);
        const code0 = refine(c.rule, clauseText, undefined, doc.norm.slice(c.start, c.end));
        if (code0 === undefined) continue;
        const coord = RECIPROCAL.has(code0.slice(0, 3)) ? coordinatedBefore(doc, clauseActors, c.start) : [];
        if (passive) {
          sources = [passive.agent];
          if (passive.patient) targets = [passive.patient];
        } else if (coord.length === 2) {
          sources = coord;
        } else {
          const before = clauseActors.filter((a) => a.end <= c.start);
          for (let k = before.length - 1; k >= 0; k--) {
            const a = before[k]!;
            if (precededByPrepositionZh(doc.norm, clause.start, a, clauseActors)) continue;
            if (doc.norm[a.end] === '的' && a.end + 1 < c.start) continue;
            sources = [a];
            // A compound of abbreviations (美韩) or a coordination is one plural source.
            const prev = before[k - 1];
            if (prev && (prev.end === a.start || /^(与|和|及|、)$/.test(doc.norm.slice(prev.end, a.start).trim()))) sources = [prev, a];
            break;
          }
        }
        let carriedModality: Modality | null = null;
        let sourceRefs = unique(sources.map((s) => s.ref));
        if (sourceRefs.length === 0 && carried) {
          sourceRefs = carried.refs;
          carriedModality = carried.modality;
        }
        if (sourceRefs.length === 0) continue;
        // Target.
        if (targets.length === 0) targets = targetZh(doc, clause, c, clauseActors, sources);
        targets = preferPerson(doc, targets, clauseActors);
        // A target of the source's own state is kept when another agent of it is meant (肯亞警方逮捕肯亞學生).
        const sourceAgent = sources[0]?.agent ?? null;
        let targetRefs = unique(targets.filter((t) => (t.agent !== null && t.agent !== sourceAgent) || !sourceRefs.includes(t.ref)).map((t) => t.ref));
        if (targetRefs.length === 0 && sourceRefs.length >= 2 && RECIPROCAL.has(code0.slice(0, 3))) {
          targetRefs = sourceRefs.slice(1);
          sourceRefs = sourceRefs.slice(0, 1);
        }
        // Modality.
        const sourceEnd = sources.length ? Math.max(...sources.map((s) => s.end)) : clause.start;
        let modality: Modality;
        {
          // 将 right before an actor is the object marker (将美韩年度演习…推迟), not "will".
          const from = Math.max(clause.start, sourceEnd);
          const before = maskActors(doc.norm, from, c.start, clauseActors).replace(/将(?=\S)/g, (m, at: number) => (clauseActors.some((a) => a.start === from + at + 1) ? '' : m));
          const sentenceBefore = doc.norm.slice(sentence.start, clause.start);
          modality = chineseModality(before, doc.norm.slice(c.end, clause.end));
          if (modality === 'past' && /^(若|如果|假如|倘若|一旦|要是)/.test(sentenceBefore)) modality = 'hypothetical';
          if (modality !== 'negated' && /^(若|如果|假如|倘若|一旦|要是)/.test(doc.norm.slice(clause.start, c.start))) modality = 'hypothetical';
        }
        if (modality === 'past' && carriedModality && carriedModality !== 'past' && carriedModality !== 'negated') modality = carriedModality;
        let code = code0;
        const root = Number(code.slice(0, 2));
        if (root >= 3 && root <= 8) {
          const before = doc.norm.slice(Math.max(clause.start, sourceEnd), c.start);
          if (refusalCues().some((w) => before.includes(w))) {
            code = refusalCode(code);
            modality = 'past';
          }
        }
        code = byAgentZh(code, sources);
        if (modality === 'future' || modality === 'intended') code = futureCode(code);
        // Consulting is done with someone: a meeting, visit or call without a counterpart is no event.
        if (code.startsWith('04') && targetRefs.length === 0) continue;
        const entry = cameoCode(code);
        if (!entry) continue;
        const text = doc.text.slice(sentence.start, sentence.end);
        if (out.some((e) => e.start === sentence.start && e.code === code && e.sources.join() === sourceRefs.join() && e.targets.join() === targetRefs.join())) continue;
        out.push({
          code,
          root: entry.root,
          goldstein: entry.goldstein,
          plover: entry.plover,
          source: sourceRefs[0]!,
          target: targetRefs[0] ?? null,
          modality,
          start: sentence.start,
          end: sentence.end,
          text,
          name: entry.name,
          sources: sourceRefs,
          targets: targetRefs,
          sourceAgent: sources[0]?.agent ?? null,
          targetAgent: targets.find((t) => targetRefs.includes(t.ref))?.agent ?? null,
          trigger: { start: c.start, end: c.end, text: doc.text.slice(c.start, c.end) },
        });
        clauseSubject ??= sourceRefs;
        lastModality = modality;
        if (['02', '03', '10', '11', '12', '13'].includes(entry.root)) speechActEnd = clause.end;
      }
      // The subject a later clause without its own subject continues with; not across a speech verb
      // (陶恩说，若谈判有可能: the content's actors are not the speaker).
      const ownSubject = firstSubject(doc, clause, clauseActors);
      if (ZH_SPEECH_END.test(clauseText.trim())) carried = undefined;
      else if (clauseSubject) carried = { refs: clauseSubject, modality: lastModality !== 'past' && lastModality !== 'negated' && lastModality !== null ? lastModality : (carried?.modality ?? null) };
      else if (ownSubject) carried = { refs: ownSubject, modality: subjectModalityZh(doc, clause, ownSubject) };
    }
  }
  return out;
}

/** The text between two offsets with actor names blanked (金正恩 must not read as the cue 正). */
function maskActors(norm: string, from: number, to: number, actors: readonly ActorSpan[]): string {
  let out = norm.slice(from, to);
  for (const a of actors) {
    if (a.end <= from || a.start >= to) continue;
    const s = Math.max(a.start, from) - from;
    const e = Math.min(a.end, to) - from;
    out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  }
  return out;
}

/** A state named right before a person with an office between (朝鲜外相崔善姬, Chinese President Xi) stands for that person. */
function preferPerson(doc: EventDoc, list: ActorSpan[], all: readonly ActorSpan[]): ActorSpan[] {
  return list.map((a) => {
    const next = all.find((b) => b.start >= a.end && b.start - a.end <= (doc.chinese ? 4 : 14));
    if (!next || next === a) return a;
    const m = doc.mentions.find((x) => x.start === next.start && x.end === next.end);
    const self = doc.mentions.find((x) => x.start === a.start && x.end === a.end);
    return m?.kind === 'person' && self?.kind === 'state' && !/[,，、与和及]|\band\b/.test(doc.norm.slice(a.end, next.start)) ? next : a;
  });
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function firstSubject(doc: EventDoc, clause: Offsets, actors: ActorSpan[]): string[] | undefined {
  for (const a of actors) {
    if (precededByPrepositionZh(doc.norm, clause.start, a, actors)) continue;
    if (doc.norm[a.end] === '的') continue;
    return [a.ref];
  }
  return undefined;
}

function subjectModalityZh(doc: EventDoc, clause: Offsets, _refs: string[]): Modality | null {
  const m = chineseModality(doc.norm.slice(clause.start, clause.end));
  return m === 'hypothetical' || m === 'future' || m === 'intended' ? m : null;
}

const ABSTRACT_HEADS = ['想法', '可能', '意愿', '机会', '问题', '条件', '能力', '风险', '计划', '目标', '决定', '承诺', '兴趣', '立场', '意图', '努力', '方式', '进展', '能量', '手段', '工具', '路线', '态势', '准则', '政策'];

function isEmbeddedZh(doc: EventDoc, clause: Offsets, c: Candidate, actors: ActorSpan[]): boolean {
  const { norm } = doc;
  if (c.start > clause.start && norm[c.start - 1] === '的') return true; // a noun: …的合作
  // A trigger between a state and an agent that is followed by another predicate modifies the agent (肯亚罢工医生要求…).
  const agentAfter = actors.find((a) => a.start === c.end && a.agent !== null);
  if (agentAfter && actors.some((a) => a.end === c.start) && /^(要求|呼吁|表示|宣布|抗议|批评|谴责|拒绝|威胁|称|说)/.test(norm.slice(agentAfter.end, agentAfter.end + 2))) return true;
  if (/^[中时下之]/.test(norm[c.end] ?? '') && c.end === c.headEnd) return true; // 威胁中, 会谈时: a noun
  if (/^(事件|案件|案|事故|一事|行为|行动中|问题|消息|报道|报导)/.test(norm.slice(c.end, c.end + 3))) return true; // 枪击事件: a noun
  // A noun phrase head: 北韩与俄国的军事与经济合作 (的 between the last actor and the trigger).
  const lastActor = [...actors].reverse().find((a) => a.end <= c.start);
  // …except after 为/对/向/替/给 + actor (为巴西的政策辩护: the verb of a prepositional construction).
  if (lastActor && c.start - lastActor.end <= 8 && /^的[^「」，,]*$/.test(norm.slice(lastActor.end, c.start)) && !/[为对向替给]$/.test(norm.slice(clause.start, lastActor.start))) return true;
  const after = norm.slice(c.end, Math.min(clause.end, c.end + 7));
  const de = after.indexOf('的');
  if (de < 0) return false;
  if (ABSTRACT_HEADS.some((h) => after.startsWith(h, de + 1))) return true; // 继续谈判的想法
  if (c.start === clause.start) return false;
  const before = actors.find((a) => a.end === c.start);
  if (before && !precededByPrepositionZh(norm, clause.start, before, actors)) return false;
  const text = norm.slice(clause.start, c.start);
  if (mainMarkers().some((m) => text.endsWith(m))) return false;
  // A time expression right before the verb (伊朗周一释放, 昨天宣布) starts the predicate.
  if (/(周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|今天|昨天|今日|昨日|日前|上午|下午|晚间|凌晨|稍早|近日|当天|同日)$/.test(text)) return false;
  if (/[\d\s"'」』)]$/.test(text)) return false;
  return true;
}

function passiveAgentZh(doc: EventDoc, clause: Offsets, c: Candidate, actors: ActorSpan[]): { agent: ActorSpan; patient?: ActorSpan } | undefined {
  const bei = doc.norm.lastIndexOf('被', c.start);
  if (bei < clause.start || c.start - bei > 12) return undefined;
  const agent = actors.find((a) => a.start === bei + 1);
  if (!agent) return undefined;
  const patient = [...actors].reverse().find((a) => a.end <= bei);
  return patient ? { agent, patient } : { agent };
}

function targetZh(doc: EventDoc, clause: Offsets, c: Candidate, actors: ActorSpan[], sources: ActorSpan[]): ActorSpan[] {
  const { norm } = doc;
  const isSource = (a: ActorSpan) => sources.some((s) => s.start === a.start);
  // 对X / 向X / 与X ... before the trigger.
  const before = actors.filter((a) => a.end <= c.start && !isSource(a));
  for (let k = before.length - 1; k >= 0; k--) {
    const a = before[k]!;
    const prep = precededByPrepositionZh(norm, clause.start, a);
    if (prep && ZH_TARGET_PREPOSITIONS.has(prep)) {
      const group = [a];
      const next = before[k + 1];
      if (next && (next.start === a.end || /^(与|和|及|、)$/.test(norm.slice(a.end, next.start)))) group.push(next);
      return group;
    }
  }
  // The object: the first actors after the head of the trigger.
  const after = actors.filter((a) => a.start >= c.headEnd && !isSource(a));
  if (after.length === 0) return [];
  const group = [after[0]!];
  for (let k = 1; k < after.length; k++) {
    const gap = norm.slice(after[k - 1]!.end, after[k]!.start);
    if (gap === '' || /^(与|和|及|、)$/.test(gap)) group.push(after[k]!);
    else break;
  }
  return group;
}

