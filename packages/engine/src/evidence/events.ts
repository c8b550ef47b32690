/**
 * The event coder: who did what to whom, in CAMEO codes, from Chinese and English sentences.
 *
 * Method: dictionary patterns (TABARI/PETRARCH style, Schrodt 2012 and Norris, Schrodt & Beieler 2017)
 * without a parser: the predicate dictionaries ./lexicon-zh.ts and ./lexicon-en.ts find triggers;
 * the gazetteer's mentions give the actors; positional rules pick the source and the target; cue words
 * give the modality (./modality.ts). A sentence whose predicate is not in the dictionaries, or whose
 * source actor cannot be found, yields no event: the coder never guesses (and never falls back to
 * 010 "make statement", PETRARCH's inflating default; statements are claims, ./claims.ts).
 *
 * Rules (docs/evidence.md, "Coding rules"):
 * 1. Clauses: Chinese sentences split at ， ； ： (outside 「」); English sentences at ; and before
 *    ", and|but|while|which|who".
 * 2. Triggers: all dictionary matches in the clause; where they overlap, the longest wins (推迟…演习
 *    over 演习). Refinements pick a 3-4 digit code from words of the clause.
 * 3. Embedded predicates are not events (zh): a trigger followed within 7 characters by 的 and not
 *    preceded by an actor, the clause start, an adverb or aspect marker (已, 将, 又, 更, 并, 还, 则, 曾...)
 *    modifies a noun (可打击美国的飞弹 "missiles that can strike the US"). A trigger right after 的 is a
 *    noun (…的合作).
 * 4. Source: in a passive (被X, "by X" after a be-form and a participle) the agent. Else the nearest
 *    actor before the trigger in the clause that is not the object of a preposition (zh 对 向 与 和 同 跟
 *    给 为 从 在 于 至; en of for with to against from at by in on into) - except that two actors joined by
 *    与/和/及/and right before a reciprocal act (meet, negotiate, cooperate, sign) are both sources. Else
 *    the subject carried from an earlier clause of the sentence (Chinese drops repeated subjects).
 *    No source: no event.
 * 5. Target: zh an actor after 对/向/与/和/同/跟/给 before the trigger, else the first actor after the
 *    trigger in the clause (after 至/到/往 too); en the first actor after the trigger in the clause; for
 *    reciprocal acts with two sources and no target, the second source.
 * 6. Speech acts take their content: an act after an appeal, intent, demand, rejection or threat in
 *    the same clause is what is appealed for, demanded or threatened, not a separate event
 *    (呼吁…暂停散播, threatened to attack).
 * 7. Refusal (zh 无意, 不愿, 不想, 不打算 before a cooperative act) is CAMEO 12 (无意改善关系 -> 120).
 * 8. Modality and CAMEO's future rule (./modality.ts): "will visit" is 036, "will attack" 1384.
 */
import { cameoCode, requireCameoCode } from './cameo';
import { AUXILIARIES, inflections, tokenize, type Token } from './english';
import { EN_LEXICON } from './lexicon-en';
import { ZH_LEXICON, ZH_REFUSAL_CUES } from './lexicon-zh';
import { chineseModality, englishModality, futureCode, refusalCode } from './modality';
import { mentionsBySentence } from './claims';
import { normaliseKey } from './normalise';
import type { WordBoundaries } from './segment';
import type { CodedEvent, Mention, Modality, Offsets } from './types';

interface Refinement {
  words: string[];
  code: string;
}

interface Rule {
  code: string;
  /** zh: normalised strings; en: word sequences (forms per word). */
  parts: string[][];
  refinements: Refinement[];
  block: boolean;
  trigger: string;
  /** Codes only when a refinement matches. */
  needsRefinement: boolean;
}

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
}

const RECIPROCAL = new Set(['036', '040', '041', '044', '046', '050', '057', '060', '061', '062', '063', '064', '019']);

function parseLexicon(source: string, chinese: boolean): Rule[] {
  const rules: Rule[] = [];
  for (const line of source.split('\n')) {
    if (!line.trim()) continue;
    const [codePart, triggersPart, refinePart] = line.split('|').map((s) => s.trim());
    const block = codePart!.startsWith('!');
    const needsRefinement = codePart!.endsWith('?');
    const code = block ? '000' : codePart!.replace('?', '');
    if (!block) requireCameoCode(code);
    const refinements: Refinement[] = [];
    for (const r of (refinePart ?? '').split(';')) {
      const [words, rcode] = r.split(':').map((s) => s.trim());
      if (!words || !rcode) continue;
      requireCameoCode(rcode);
      refinements.push({ words: words.split(/\s+/).map((w) => (w.startsWith('=') ? `=${chinese ? normaliseKey(w.slice(1)) : w.slice(1).toLowerCase()}` : chinese ? normaliseKey(w) : w.toLowerCase())), code: rcode });
    }
    for (const trigger of triggersPart!.split(',').map((s) => s.trim()).filter(Boolean)) {
      const parts = trigger.split('…').map((p) => p.trim());
      rules.push({
        code,
        parts: chinese ? parts.map((p) => [normaliseKey(p)]) : parts.map((p) => p.split(/\s+/)),
        refinements,
        block,
        trigger,
        needsRefinement,
      });
    }
  }
  return rules;
}

let zhRules: Map<string, Rule[]> | undefined;
let enRules: Map<string, { rule: Rule; forms: Set<string>[][] }[]> | undefined;

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

function wordForms(word: string, first: boolean): Set<string> {
  if (word.endsWith('*')) return new Set([word]);
  const lower = word.toLowerCase();
  return new Set(first ? inflections(lower) : [lower, `${lower}s`, `${lower}es`, ...inflections(lower)]);
}

function englishRules(): Map<string, { rule: Rule; forms: Set<string>[][] }[]> {
  if (enRules) return enRules;
  enRules = new Map();
  for (const rule of parseLexicon(EN_LEXICON, false)) {
    const forms = rule.parts.map((words, p) => words.map((w, i) => wordForms(w, p === 0 && i === 0)));
    for (const form of forms[0]![0]!) {
      const list = enRules.get(form) ?? [];
      list.push({ rule, forms });
      enRules.set(form, list);
    }
  }
  return enRules;
}

interface Candidate {
  rule: Rule;
  start: number;
  end: number;
  /** Where the first part ends (for A…B, the object lies between). */
  headEnd: number;
}

const ZH_CLAUSE = /[,;:，；：]/;
const ZH_SPEECH_END = /(说|表示|指出|认为|警告|分析|强调|相信|透露|宣称|声称|称|坦言|直言|重申|提到|补充|解释|预测|报告|报导|报道)$/;
const ZH_PREPOSITIONS = new Set([...'对向与和同跟给为从在于至及把将被']);
const ZH_TARGET_PREPOSITIONS = new Set([...'对向与和同跟给']);
const ZH_MAIN_MARKERS = ['已经', '已', '将', '又', '更', '并', '还', '则', '均', '都', '曾', '正', '仍', '亦', '却', '先', '才', '就', '即', '再', '也', '遂', '首度', '首次', '率先', '决定', '宣布', '同意', '开始', '继续', '持续', '公开', '共同', '联合', '相互', '互相', '分别', '再度', '再次', '迄今', '不', '未', '没', '可能', '会', '拟', '要', '想', '希望', '计划', '准备', '打算', '试图', '企图', '寻求', '愿意', '预计', '藉机', '借机', '以', '年', '月', '日', '度', '次', '严厉', '强烈', '大举', '正式', '紧急', '积极', '持续', '一再', '多次', '屡次', '无意', '不愿', '不想', '仅', '只', '僅'];

function clausesOf(text: string, sentence: Offsets, chinese: boolean): Offsets[] {
  const out: Offsets[] = [];
  let start = sentence.start;
  let depth = 0;
  for (let i = sentence.start; i < sentence.end; i++) {
    const ch = text[i]!;
    if (ch === '「' || ch === '『' || ch === '“') depth++;
    else if ((ch === '」' || ch === '』' || ch === '”') && depth > 0) depth--;
    else if (depth === 0 && chinese && ZH_CLAUSE.test(ch)) {
      out.push({ start, end: i });
      start = i + 1;
    } else if (depth === 0 && !chinese && (ch === ';' || (ch === ',' && /^,\s+(?:but|while|whereas|which|who|although|though)\b/.test(text.slice(i, i + 12))))) {
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
        const at = norm.indexOf(part, end);
        if (at < 0 || at - end > 16 || at + part.length > clause.end || /[并]/.test(norm.slice(end, at)) || norm[end] === '的') {
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

function englishCandidates(tokens: Token[]): Candidate[] {
  const rules = englishRules();
  const out: Candidate[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const list = rules.get(tokens[t]!.word);
    if (!list) continue;
    for (const { rule, forms } of list) {
      let k = t;
      let ok = true;
      let headEnd = tokens[t]!.end;
      for (let p = 0; p < forms.length && ok; p++) {
        const words = forms[p]!;
        if (p > 0) {
          // Gap: up to five words before the next part.
          let found = -1;
          for (let g = k; g < Math.min(tokens.length, k + 6); g++) {
            if (words.length > 0 && words.every((w, i) => tokens[g + i] !== undefined && matchesForm(w, tokens[g + i]!.word))) {
              found = g;
              break;
            }
          }
          if (found < 0) ok = false;
          else k = found + words.length;
        } else {
          for (let i = 1; i < words.length; i++) {
            if (!tokens[t + i] || !matchesForm(words[i]!, tokens[t + i]!.word)) ok = false;
          }
          k = t + words.length;
          if (ok) headEnd = tokens[k - 1]!.end;
        }
      }
      // A determiner before a one-word trigger makes it a noun ("the sanctions", "a visit").
      if (ok && rule.parts.length === 1 && rule.parts[0]!.length === 1 && t > 0 && DETERMINERS.has(tokens[t - 1]!.word)) ok = false;
      if (ok) out.push({ rule, start: tokens[t]!.start, end: tokens[k - 1]!.end, headEnd });
    }
  }
  return out;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'new', 'these', 'those', 'this', 'that', 'such', 'any', 'our', 'my', 'your', 'no']);

function matchesForm(forms: Set<string>, word: string): boolean {
  if (forms.has(word)) return true;
  for (const f of forms) if (f.endsWith('*') && word.startsWith(f.slice(0, -1))) return true;
  return false;
}

/** Non-overlapping candidates, longest first. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

function refine(rule: Rule, clauseText: string, clauseWords: string[] | undefined, triggerText = ''): string | undefined {
  for (const r of rule.refinements) {
    // `=word`: only inside the trigger's own span (发动核攻击, not 核设施 elsewhere in the clause).
    if (r.words.some((w) => w.startsWith('=') && triggerText.includes(w.slice(1)))) return r.code;
    if (r.words.every((w) => w.startsWith('='))) continue;
    if (clauseWords) {
      if (r.words.some((w) => (w.includes(' ') ? clauseText.toLowerCase().includes(w) : clauseWords.some((cw) => cw === w || inflections(w).includes(cw))))) return r.code;
    } else if (r.words.some((w) => clauseText.includes(w))) return r.code;
  }
  return rule.needsRefinement ? undefined : rule.code;
}

function actorsOf(doc: EventDoc, mentions: readonly Mention[], tokens: Token[] | undefined): ActorSpan[] {
  const out: ActorSpan[] = mentions
    .filter((m) => m.via !== 'role' || !mentions.some((n) => n !== m && n.via !== 'role' && n.start >= m.start && n.end <= m.end && n.kind === 'person'))
    .map((m) => ({ start: m.start, end: m.end, ref: m.id ?? m.text }));
  // A role mention overlaps the state named inside it (南韩总统 and 南韩): keep the longer.
  const kept = out.filter((a) => !out.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  if (tokens) kept.push(...englishAgents(doc, tokens, kept));
  return kept.sort((a, b) => a.start - b.start);
}

const AGENT_NOUNS = new Set(['police', 'troops', 'soldiers', 'rebels', 'guerrillas', 'militants', 'protesters', 'protestors', 'demonstrators', 'students', 'workers', 'government', 'army', 'military', 'officials', 'opposition', 'insurgents', 'forces', 'gunmen', 'separatists', 'activists', 'lawmakers', 'parliament', 'court', 'navy', 'authorities', 'leaders', 'ministry', 'minister', 'president', 'prime', 'spokesman', 'spokeswoman', 'envoy', 'diplomats', 'villagers', 'residents', 'farmers', 'landowners', 'unions', 'union', 'party', 'rulers', 'junta', 'regime', 'cabinet', 'legislature', 'congress', 'senate', 'pilots', 'commandos', 'militia', 'militias', 'fighters', 'hardliners', 'leader', 'chief', 'agency', 'organization', 'organisation', 'groups', 'group', 'prisoners', 'people', 'refugees', 'teachers', 'doctors', 'nurses', 'miners', 'drivers', 'youths', 'militiamen', 'bomber', 'bombers', 'agents', 'guards', 'officers', 'commanders', 'judge', 'judges', 'lawyers', 'journalists', 'parties', 'movement', 'front', 'council', 'committee', 'assembly', 'tribunal', 'coalition', 'delegation', 'mission', 'company', 'donors', 'investigators', 'negotiators', 'mediators', 'monitors', 'inspectors', 'peacekeepers', 'supporters', 'members', 'demonstrators', 'kurds', 'albanians', 'palestinians', 'islamists', 'fundamentalists', 'terrorists', 'pirates', 'smugglers']);

function englishAgents(doc: EventDoc, tokens: Token[], known: ActorSpan[]): ActorSpan[] {
  const out: ActorSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!AGENT_NOUNS.has(t.word)) continue;
    if (known.some((k) => k.start <= t.start && k.end >= t.end)) continue;
    // A known actor right before the agent noun ("Israeli troops", "Kenya's government") stands for it.
    if (known.some((k) => k.end <= t.start && t.start - k.end <= 2)) continue;
    let s = i;
    while (s > 0 && /^[A-Z]/.test(doc.text.slice(tokens[s - 1]!.start, tokens[s - 1]!.start + 1)) && t.start - tokens[s - 1]!.start < 40) s--;
    // "Thousands of students", "a group of villagers": the quantity phrase is part of the actor.
    if (s >= 2 && tokens[s - 1]!.word === 'of' && /^(thousands|hundreds|dozens|tens|millions|group|groups|some|many|members|supporters|scores|crowds|crowd|number)$/.test(tokens[s - 2]!.word)) s -= 2;
    out.push({ start: tokens[s]!.start, end: t.end, ref: doc.text.slice(tokens[s]!.start, t.end) });
  }
  return out;
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

const EN_PREPOSITIONS = new Set(['of', 'for', 'with', 'to', 'against', 'from', 'at', 'by', 'in', 'on', 'into', 'toward', 'towards', 'about', 'over', 'between', 'among', 'than', 'like', 'near', 'across', 'through', 'upon', 'within', 'without', 'including']);

function precededByPrepositionEn(tokens: Token[], a: ActorSpan): string | undefined {
  let i = tokens.findIndex((t) => t.start >= a.start) - 1;
  while (i >= 0 && ['the', 'a', 'an'].includes(tokens[i]!.word)) i--;
  const w = tokens[i]?.word;
  return w !== undefined && EN_PREPOSITIONS.has(w) ? w : undefined;
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
  for (const [k, sentence] of doc.sentences.entries()) {
    const clauses = clausesOf(doc.norm, sentence, doc.chinese);
    const sentenceTokens = doc.chinese ? undefined : tokenize(doc.norm, sentence.start, sentence.end);
    const actors = actorsOf(doc, bySentence[k]!, sentenceTokens);
    let carried: { refs: string[]; modality: Modality | null } | undefined;
    for (const clause of clauses) {
      const tokens = sentenceTokens?.filter((t) => t.start >= clause.start && t.end <= clause.end);
      const candidates = resolveOverlaps(doc.chinese ? chineseCandidates(doc.norm, clause) : englishCandidates(tokens!));
      const clauseActors = actors.filter((a) => a.start >= clause.start && a.end <= clause.end);
      const clauseText = doc.norm.slice(clause.start, clause.end);
      const clauseWords = tokens?.map((t) => t.word);
      let speechActEnd = -1;
      let clauseSubject: string[] | undefined;
      let lastModality: Modality | null = null;
      for (const c of candidates) {
        if (c.rule.block) continue;
        if (c.start < speechActEnd) continue;
        if (doc.chinese && isEmbeddedZh(doc, clause, c, clauseActors)) continue;
        // Source.
        let sources: ActorSpan[] = [];
        let targets: ActorSpan[] = [];
        const passive = doc.chinese ? passiveAgentZh(doc, clause, c, clauseActors) : passiveAgentEn(tokens!, c, clauseActors);
        const code0 = refine(c.rule, clauseText, clauseWords, doc.norm.slice(c.start, c.end));
        if (code0 === undefined) continue;
        const coord = RECIPROCAL.has(code0.slice(0, 3)) ? coordinatedBefore(doc, clauseActors, c.start) : [];
        if (passive) {
          sources = [passive.agent];
          if (passive.patient) targets = [passive.patient];
        } else if (coord.length === 2) {
          sources = coord;
        } else if (!doc.chinese && /\band\s+$/.test(doc.norm.slice(Math.max(sentence.start, c.start - 5), c.start)) && out.length > 0 && out[out.length - 1]!.start === sentence.start) {
          // "... met Xi in Beijing and urged China ...": a coordinated verb shares the previous event's subject.
          const prevSources = out[out.length - 1]!.sources;
          sources = actors.filter((a) => prevSources.includes(a.ref)).slice(0, 1);
        } else if (!doc.chinese && /ing$/.test(tokens!.find((x) => x.start === c.start)?.word ?? '') && /,\s*$/.test(doc.norm.slice(Math.max(sentence.start, c.start - 3), c.start))) {
          // ", accusing them of ...": a participle after a comma shares the sentence's subject.
          const subject = firstSubject(doc, sentence, actors, sentenceTokens);
          const a = subject ? actors.find((x) => x.ref === subject[0]) : undefined;
          if (a) sources = [a];
        } else {
          const before = clauseActors.filter((a) => a.end <= c.start);
          for (let k = before.length - 1; k >= 0; k--) {
            const a = before[k]!;
            const prep = doc.chinese ? precededByPrepositionZh(doc.norm, clause.start, a, clauseActors) : precededByPrepositionEn(tokens!, a);
            if (prep) continue;
            if (doc.chinese && doc.norm[a.end] === '的' && a.end + 1 < c.start) continue;
            sources = [a];
            // A compound of abbreviations (美韩) or a coordination is one plural source.
            const prev = before[k - 1];
            if (prev && (prev.end === a.start || /^(与|和|及|、|and|,\s*and|,)$/.test(doc.norm.slice(prev.end, a.start).trim()))) sources = [prev, a];
            break;
          }
        }
        if (sources.length === 0 && !doc.chinese) {
          const np = subjectPhraseEn(doc, tokens!, c);
          if (np) sources = [np];
        }
        let carriedModality: Modality | null = null;
        let sourceRefs = unique(sources.map((s) => s.ref));
        if (sourceRefs.length === 0 && carried) {
          sourceRefs = carried.refs;
          carriedModality = carried.modality;
        }
        if (sourceRefs.length === 0) continue;
        // Target.
        if (targets.length === 0) targets = doc.chinese ? targetZh(doc, clause, c, clauseActors, sources) : targetEn(tokens!, c, clauseActors, sources, doc.norm);
        targets = preferPerson(doc, targets, clauseActors);
        let targetRefs = unique(targets.map((t) => t.ref)).filter((r) => !sourceRefs.includes(r));
        if (targetRefs.length === 0 && sourceRefs.length >= 2 && RECIPROCAL.has(code0.slice(0, 3))) {
          targetRefs = sourceRefs.slice(1);
          sourceRefs = sourceRefs.slice(0, 1);
        }
        // Modality.
        const sourceEnd = sources.length ? Math.max(...sources.map((s) => s.end)) : clause.start;
        let modality: Modality;
        if (doc.chinese) {
          // 将 right before an actor is the object marker (将美韩年度演习…推迟), not "will".
          const from = Math.max(clause.start, sourceEnd);
          const before = maskActors(doc.norm, from, c.start, clauseActors).replace(/将(?=\S)/g, (m, at: number) => (clauseActors.some((a) => a.start === from + at + 1) ? '' : m));
          const sentenceBefore = doc.norm.slice(sentence.start, clause.start);
          modality = chineseModality(before, doc.norm.slice(c.end, clause.end));
          if (modality === 'past' && /^(若|如果|假如|倘若|一旦|要是)/.test(sentenceBefore)) modality = 'hypothetical';
          if (modality !== 'negated' && /^(若|如果|假如|倘若|一旦|要是)/.test(doc.norm.slice(clause.start, c.start))) modality = 'hypothetical';
        } else {
          const beforeTokens = (sentenceTokens ?? []).filter((t) => t.start >= Math.max(sentence.start, sourceEnd) && t.end <= c.start);
          const before = beforeTokens.map((t) => t.word).join(' ');
          modality = englishModality(before, doc.norm.slice(c.start, c.end).toLowerCase(), beforeTokens.map((t) => t.word));
          if (modality === 'past' && /^(if|unless)\b/i.test(doc.norm.slice(sentence.start, sentence.start + 8))) modality = 'hypothetical';
        }
        if (modality === 'past' && carriedModality && carriedModality !== 'past' && carriedModality !== 'negated') modality = carriedModality;
        let code = code0;
        const root = Number(code.slice(0, 2));
        if (doc.chinese && root >= 3 && root <= 8) {
          const before = doc.norm.slice(Math.max(clause.start, sourceEnd), c.start);
          if (ZH_REFUSAL_CUES.some((w) => before.includes(normaliseKey(w)))) {
            code = refusalCode(code);
            modality = 'past';
          }
        }
        if (modality === 'future' || modality === 'intended') code = futureCode(code);
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
          trigger: { start: c.start, end: c.end, text: doc.text.slice(c.start, c.end) },
        });
        clauseSubject ??= sourceRefs;
        lastModality = modality;
        if (['02', '03', '10', '11', '12', '13'].includes(entry.root)) speechActEnd = clause.end;
      }
      // The subject a later clause without its own subject continues with; not across a speech verb
      // (陶恩说，若谈判有可能: the content's actors are not the speaker).
      const ownSubject = firstSubject(doc, clause, clauseActors, tokens);
      if (doc.chinese && ZH_SPEECH_END.test(clauseText.trim())) carried = undefined;
      else if (clauseSubject) carried = { refs: clauseSubject, modality: lastModality !== 'past' && lastModality !== 'negated' && lastModality !== null ? lastModality : (carried?.modality ?? null) };
      else if (ownSubject) carried = { refs: ownSubject, modality: doc.chinese ? subjectModalityZh(doc, clause, ownSubject) : null };
    }
  }
  return out;
}

const EN_FUNCTION = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'that', 'which', 'who', 'with', 'by', 'from', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'these', 'those', 'there', 'as', 'after', 'before', 'when', 'while', 'said', 'says']);

/** English fallback: the noun phrase right before the verb group (an actor the gazetteer does not know). */
function subjectPhraseEn(doc: EventDoc, tokens: Token[], c: Candidate): ActorSpan | undefined {
  let t = tokens.findIndex((x) => x.start === c.start) - 1;
  while (t >= 0 && (AUXILIARIES.has(tokens[t]!.word) || /ly$/.test(tokens[t]!.word) || tokens[t]!.word === 'not')) t--;
  if (t < 0) return undefined;
  if (/[,;:]\s*$/.test(doc.norm.slice(tokens[t]!.end, c.start))) return undefined;
  let s = t;
  while (s >= 0 && !EN_FUNCTION.has(tokens[s]!.word) && t - s < 4 && !/[,;:(]/.test(doc.norm.slice(tokens[s]!.end, tokens[s + 1]?.start ?? tokens[s]!.end))) s--;
  s++;
  if (s > t) return undefined;
  const first = doc.text[tokens[s]!.start]!;
  if (!/[A-Z]/.test(first) && !AGENT_NOUNS.has(tokens[t]!.word)) return undefined;
  return { start: tokens[s]!.start, end: tokens[t]!.end, ref: doc.text.slice(tokens[s]!.start, tokens[t]!.end) };
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

function firstSubject(doc: EventDoc, clause: Offsets, actors: ActorSpan[], tokens: Token[] | undefined): string[] | undefined {
  for (const a of actors) {
    const prep = doc.chinese ? precededByPrepositionZh(doc.norm, clause.start, a, actors) : tokens ? precededByPrepositionEn(tokens, a) : undefined;
    if (prep) continue;
    if (doc.chinese && doc.norm[a.end] === '的') continue;
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
  if (/^[中时下之]/.test(norm[c.end] ?? '') && c.end === c.headEnd) return true; // 威胁中, 会谈时: a noun
  // A noun phrase head: 北韩与俄国的军事与经济合作 (的 between the last actor and the trigger).
  const lastActor = [...actors].reverse().find((a) => a.end <= c.start);
  if (lastActor && c.start - lastActor.end <= 8 && /^的[^「」，,]*$/.test(norm.slice(lastActor.end, c.start))) return true;
  const after = norm.slice(c.end, Math.min(clause.end, c.end + 7));
  const de = after.indexOf('的');
  if (de < 0) return false;
  if (ABSTRACT_HEADS.some((h) => after.startsWith(h, de + 1))) return true; // 继续谈判的想法
  if (c.start === clause.start) return false;
  const before = actors.find((a) => a.end === c.start);
  if (before && !precededByPrepositionZh(norm, clause.start, before, actors)) return false;
  const text = norm.slice(clause.start, c.start);
  if (ZH_MAIN_MARKERS.some((m) => text.endsWith(normaliseKey(m)))) return false;
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

function passiveAgentEn(tokens: Token[], c: Candidate, actors: ActorSpan[]): { agent: ActorSpan; patient?: ActorSpan } | undefined {
  const t = tokens.findIndex((x) => x.start === c.start);
  if (t <= 0) return undefined;
  const prev = tokens[t - 1]!.word;
  const prev2 = tokens[t - 2]?.word;
  const isBe = (w: string | undefined) => w !== undefined && ['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got'].includes(w);
  if (!(isBe(prev) || (isBe(prev2) && /ly$/.test(prev)))) return undefined;
  if (!/(ed|en|wn|ht|ck|id|ld|ent|ade|ung|ken|ne)$/.test(tokens[t]!.word)) return undefined;
  const by = tokens.findIndex((x, i) => i > t && i < t + 8 && x.word === 'by');
  const agent = by >= 0 ? actors.find((a) => a.start >= tokens[by]!.end && a.start - tokens[by]!.end <= 5) : undefined;
  if (!agent) return undefined;
  const patient = [...actors].reverse().find((a) => a.end <= c.start);
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

function targetEn(tokens: Token[], c: Candidate, actors: ActorSpan[], sources: ActorSpan[], norm = ''): ActorSpan[] {
  const isSource = (a: ActorSpan) => sources.some((s) => s.start === a.start);
  // The object ends where a new predicate starts: "criticized the sanctions and said Pyongyang ...".
  const rest = norm.slice(c.end);
  const stop = /[,;]|\s(?:and|but|that|which|who|while|after|before|because|as)\s/.exec(rest);
  const limit = stop ? c.end + stop.index : Infinity;
  const after = actors.filter((a) => a.start >= c.headEnd && a.start < limit && !isSource(a));
  for (const a of after) {
    const prep = precededByPrepositionEn(tokens, a);
    // "of X" after the trigger is usually a possessor (the capital of X); other prepositions introduce targets.
    if (prep === 'of' || prep === 'than') continue;
    return [a];
  }
  // "...for X" before the verb is not a target; an actor between an auxiliary and the trigger is rare.
  return [];
}

export { AUXILIARIES };
