/**
 * Attributed claims: who said, thinks or warned what, with the claim's span quoted.
 *
 * Method: attribution verbs and the speaker next to them, as in quotation attribution for news
 * (Pareti 2016, "PARC 3.0"; the cue-source-content triple), with dictionary cues instead of a parser.
 *
 * Rules (docs/evidence.md, "Claims"):
 * - Chinese cues: 说 (not 说服, 说法, 据说, 小说, 游说, 难说), 表示, 指出, 认为, 警告, 分析 (not 分析师),
 *   强调, 相信, 透露, 宣称, 声称, 称 (before a comma, colon or quote), 坦言, 直言, 重申, 提到, 补充,
 *   解释, 预测, 主张, 宣布, 宣示, 宣告, 矢言, 誓言, 批评, 回应, 告诉; and 据X报告/表示/指出/透露/报道
 *   ("according to X"). English cues: say, tell, add, note, stress, warn, argue, claim, insist, state,
 *   announce, believe, think, write, explain, declare, assert, maintain, contend, acknowledge, admit,
 *   predict, caution, emphasize, and "according to X".
 * - Speaker: the nearest actor before the cue in its clause that is not the object of a preposition
 *   (华府智库史汀生研究中心高级研究员陶恩说 -> Jenny Town, not the Stimson Center). With no actor in the
 *   clause: the speaker of the sentence's previous claim or its subject (金与正却说「…」，还说…). A person
 *   the gazetteer does not know is found by a title before their name (教授王小明说, "analyst John Doe
 *   said") and reported as written. In English the speaker may also follow the cue ("said Kim") or the
 *   claim may come first ("…, officials said.").
 * - Span: from after the cue (and "that", a comma, a colon) to the end of the sentence; a claim that
 *   comes first in English runs from the sentence start to the comma before the speaker; a further cue
 *   of the same speaker (还说, also said) ends the previous span. Cues inside another claim's span with
 *   a speaker of their own are reported speech within the claim, not claims of the article.
 */
import { AUXILIARIES, inflections, tokenize, type Token } from './english';
import { normaliseKey } from './normalise';
import type { WordBoundaries } from './segment';
import type { Claim, Mention, Offsets } from './types';

export interface ClaimDoc {
  text: string;
  norm: string;
  sentences: readonly Offsets[];
  chinese: boolean;
  words: WordBoundaries;
  mentions: readonly Mention[];
}

const ZH_CUES = ['说', '表示', '指出', '认为', '警告', '分析', '强调', '相信', '透露', '宣称', '声称', '称', '坦言', '直言', '重申', '提到', '补充', '解释', '预测', '主张', '宣布', '宣示', '宣告', '矢言', '誓言', '批评', '回应', '告诉', '写道'].map(normaliseKey).sort((a, b) => b.length - a.length);
const ZH_CUE_FIRST = new Set(ZH_CUES.map((c) => c[0]!));
const ZH_SAY_BAD_BEFORE = new Set([...'据小传游听学演劝再难话虽胡']);
const ZH_SAY_BAD_AFTER = new Set([...'服法词客书']);
const ZH_TITLES = ['学者', '教授', '研究员', '专家', '分析师', '发言人', '官员', '部长', '外长', '大使', '总统', '主席', '总理', '首相', '议员', '主任', '所长', '院长', '司令', '将军', '秘书长', '秘书', '记者', '主编', '会长', '理事长', '董事长', '处长', '局长', '司长', '参谋长', '上将', '中将', '少将'].map(normaliseKey);
const ZH_CONTINUATION = ['还', '又', '并', '也', '亦', '再', '另', '同时', '更', '则'].map(normaliseKey);
const ZH_SOURCE_NOUNS = ['报告', '表示', '指出', '透露', '报道', '称', '说法', '分析', '统计', '资料', '消息', '估计', '估算', '研究'].map(normaliseKey);

const EN_CUES = ['report', 'say', 'tell', 'add', 'note', 'stress', 'warn', 'argue', 'claim', 'insist', 'state', 'announce', 'believe', 'think', 'write', 'explain', 'declare', 'assert', 'maintain', 'contend', 'acknowledge', 'admit', 'predict', 'caution', 'emphasize', 'emphasise', 'observe', 'conclude', 'reckon'];
const EN_CUE_FORMS = new Map<string, string>();
for (const cue of EN_CUES) for (const form of inflections(cue)) if (!/ing$/.test(form)) EN_CUE_FORMS.set(form, cue);

interface SpeakerSpan {
  start: number;
  end: number;
  ref: string;
  nameEn: string | null;
  unknown?: boolean;
}

export interface ClaimsResult {
  claims: Claim[];
  /** Speakers the gazetteer does not know, as mentions (id null). */
  newMentions: Mention[];
}

export function findClaims(doc: ClaimDoc): ClaimsResult {
  return doc.chinese ? chineseClaims(doc) : englishClaims(doc);
}

function trimSpan(text: string, start: number, end: number, leading: RegExp, trailing: RegExp): [number, number] {
  while (start < end && leading.test(text[start]!)) start++;
  while (end > start && trailing.test(text[end - 1]!)) end--;
  return [start, end];
}

function speakerOfMention(m: Mention): SpeakerSpan {
  return { start: m.start, end: m.end, ref: m.id ?? m.text, nameEn: m.name_en };
}

function chineseClaims(doc: ClaimDoc): ClaimsResult {
  const { norm } = doc;
  const claims: Claim[] = [];
  const newMentions: Mention[] = [];
  const bySentence = mentionsBySentence(doc);
  for (const [k, sentence] of doc.sentences.entries()) {
    const mentions = bySentence[k]!.filter((m) => m.via !== 'role');
    let lastSpeaker: SpeakerSpan | undefined;
    // The sentence's subject, for cues without a speaker of their own: its first actor that is not after
    // a preposition nor followed by 的.
    const first = mentions.find((m) => {
      const before = m.start > sentence.start ? norm[m.start - 1]! : '';
      return !(before !== '' && '对向与和同跟给为从在于至及把将被'.includes(before)) && norm[m.end] !== '的';
    });
    const afterFirst = first ? mentions.find((m) => m.start >= first.end && m.start - first.end <= 4 && m.kind === 'person') : undefined;
    const subject: SpeakerSpan | undefined = afterFirst ? speakerOfMention(afterFirst) : first ? speakerOfMention(first) : undefined;
    const sentenceClaims: Claim[] = [];
    let clauseStart = sentence.start;
    let quoteDepth = 0;
    for (let i = sentence.start; i < sentence.end; i++) {
      const ch = norm[i]!;
      if (ch === '「' || ch === '『') quoteDepth++;
      else if ((ch === '」' || ch === '』') && quoteDepth > 0) quoteDepth--;
      if (quoteDepth === 0 && /[,;:，；：]/.test(ch)) {
        clauseStart = i + 1;
        continue;
      }
      if (quoteDepth > 0) continue;
      // 据X报告
      if (ch === '据' || ch === '據') {
        const m = mentions.find((x) => x.start === i + 1);
        if (m) {
          // 据韩国统一部估计: up to four characters of an organisation (统一部, 外交部, 政府) before the noun.
          let nounAt = m.end;
          let noun = ZH_SOURCE_NOUNS.find((n) => norm.startsWith(n, nounAt));
          for (let k = 1; !noun && k <= 4 && /\p{Script=Han}/u.test(norm[m.end + k - 1] ?? ''); k++) {
            noun = ZH_SOURCE_NOUNS.find((n) => norm.startsWith(n, m.end + k));
            if (noun) nounAt = m.end + k;
          }
          if (noun) {
            const verbEnd = nounAt + noun.length;
            const [s, e] = trimSpan(doc.text, verbEnd, sentence.end, /[\s,，:：]/, /[\s。.!?！？]/);
            if (e > s) {
              const sp = speakerOfMention(m);
              sentenceClaims.push(claim(doc, sp, i, verbEnd, s, e));
              lastSpeaker = sp;
              i = verbEnd - 1;
              continue;
            }
          }
        }
      }
      if (!ZH_CUE_FIRST.has(ch)) continue;
      const cue = ZH_CUES.find((c) => norm.startsWith(c, i));
      if (!cue) continue;
      const cueEnd = i + cue.length;
      if (!acceptableCueZh(doc, i, cue, cueEnd)) continue;
      // Speaker in this clause.
      const inClause = mentions.filter((m) => m.start >= clauseStart && m.end <= i);
      let speaker: SpeakerSpan | undefined;
      for (let k = inClause.length - 1; k >= 0; k--) {
        const m = inClause[k]!;
        const before = m.start > clauseStart ? norm[m.start - 1]! : '';
        if ('对向与和同跟给为从在于至及把将被让使令'.includes(before) && before !== '') continue;
        if (norm[m.end] === '的') continue;
        speaker = speakerOfMention(m);
        break;
      }
      let explicit = speaker !== undefined;
      if (!speaker) {
        const unknown = titledPersonZh(doc, clauseStart, i) ?? genericSpeakerZh(doc, clauseStart, i);
        if (unknown) {
          speaker = unknown;
          explicit = true;
        }
      }
      const continuation = ZH_CONTINUATION.some((w) => norm.slice(clauseStart, i).endsWith(w) || norm.slice(clauseStart, i).startsWith(w));
      // Inside an earlier claim's span: reported speech, unless the same speaker continues (还说).
      const open = sentenceClaims.find((c) => c.start <= i && i < c.end);
      if (open) {
        if (explicit || !continuation) continue;
        open.end = Math.max(open.start, clauseStart - 1);
        const [s2, e2] = trimSpan(doc.text, open.start, open.end, /[\s]/, /[\s,，;；。]/);
        open.start = s2;
        open.end = e2;
        open.text = doc.text.slice(s2, e2);
      }
      if (!speaker) speaker = lastSpeaker ?? (subject && subject.start < i ? subject : undefined);
      if (!speaker) continue;
      const [s, e] = trimSpan(doc.text, cueEnd, sentence.end, /[\s,，:：]/, /[\s。.!?！？]/);
      if (e <= s) continue;
      if (speaker.unknown) newMentions.push({ kind: 'person', text: doc.text.slice(speaker.start, speaker.end), start: speaker.start, end: speaker.end, id: null, name_en: null, via: 'title' });
      sentenceClaims.push(claim(doc, speaker, i, cueEnd, s, e));
      lastSpeaker = speaker;
      i = cueEnd - 1;
    }
    claims.push(...sentenceClaims);
  }
  return { claims, newMentions };
}

/** Mentions of each sentence (mentions and sentences are both sorted by start). */
export function mentionsBySentence(doc: { sentences: readonly Offsets[]; mentions: readonly Mention[] }): Mention[][] {
  const out: Mention[][] = doc.sentences.map(() => []);
  let k = 0;
  for (const m of [...doc.mentions].sort((a, b) => a.start - b.start)) {
    while (k < doc.sentences.length && doc.sentences[k]!.end <= m.start) k++;
    if (k >= doc.sentences.length) break;
    const s = doc.sentences[k]!;
    if (m.start >= s.start && m.end <= s.end) out[k]!.push(m);
  }
  return out;
}

function acceptableCueZh(doc: ClaimDoc, i: number, cue: string, cueEnd: number): boolean {
  const { norm } = doc;
  const before = i > 0 ? norm[i - 1]! : '';
  const after = norm[cueEnd] ?? '';
  if (before === '的') return false; // a noun: 他的分析, 的主张
  if (cue === normaliseKey('说')) {
    if (ZH_SAY_BAD_BEFORE.has(before) || ZH_SAY_BAD_AFTER.has(after)) return false;
  }
  if (cue === normaliseKey('称') && !/[,，:：「"“]/.test(after)) return false;
  if (cue === normaliseKey('分析') && /[师家人]/.test(after)) return false;
  if (cue === normaliseKey('批评') && /[者家]/.test(after)) return false;
  if (cue === normaliseKey('警告') && /[信号]/.test(after)) return false;
  if (cue === normaliseKey('宣布') && after === '的') return false;
  // The cue must not be the start of a longer word (说服, 说法): the stop lists above decide, without
  // segmentation, except for 说 between two Han characters, which ICU's word list settles.
  if (cue === normaliseKey('说') && /\p{Script=Han}/u.test(after) && !doc.mentions.some((m) => m.start === cueEnd)) {
    if (!doc.words.isBoundary(cueEnd)) return false;
  }
  return true;
}

const ZH_GENERIC_SPEAKERS = ['分析人士', '观察人士', '消息人士', '知情人士', '专家', '学者', '官员', '外界', '媒体', '官媒', '发言人', '分析家', '分析师'].map(normaliseKey);

/** A generic speaker right before the cue (分析人士指出): reported as written, not a new actor. */
function genericSpeakerZh(doc: ClaimDoc, clauseStart: number, cueAt: number): SpeakerSpan | undefined {
  const before = doc.norm.slice(clauseStart, cueAt);
  const g = ZH_GENERIC_SPEAKERS.find((w) => before.endsWith(w));
  if (!g) return undefined;
  let start = cueAt - g.length;
  // Keep a short modifier (多名专家, 南韩官员 is an actor already): at most two Han characters.
  while (start > clauseStart && cueAt - g.length - start < 2 && /\p{Script=Han}/u.test(doc.norm[start - 1]!) && !'的对向与和据'.includes(doc.norm[start - 1]!)) start--;
  return { start, end: cueAt, ref: doc.text.slice(start, cueAt), nameEn: null };
}

function titledPersonZh(doc: ClaimDoc, clauseStart: number, cueAt: number): SpeakerSpan | undefined {
  const before = doc.norm.slice(clauseStart, cueAt);
  for (const title of ZH_TITLES) {
    const at = before.lastIndexOf(title);
    if (at < 0) continue;
    const nameLen = before.length - at - title.length;
    if (nameLen >= 2 && nameLen <= 4 && /^\p{Script=Han}+$/u.test(before.slice(at + title.length))) {
      const start = clauseStart + at + title.length;
      return { start, end: cueAt, ref: doc.text.slice(start, cueAt), nameEn: null, unknown: true };
    }
  }
  return undefined;
}

function claim(doc: ClaimDoc, speaker: SpeakerSpan, verbStart: number, verbEnd: number, start: number, end: number): Claim {
  return {
    speaker: speaker.ref,
    speaker_name_en: speaker.nameEn,
    verb: doc.text.slice(verbStart, verbEnd),
    start,
    end,
    text: doc.text.slice(start, end),
    verb_start: verbStart,
    verb_end: verbEnd,
  };
}

const EN_SPEAKER_NOUNS = new Set(['officials', 'official', 'analysts', 'analyst', 'experts', 'expert', 'sources', 'diplomats', 'diplomat', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'ministry', 'president', 'leader', 'observers', 'scholars', 'scholar', 'professor', 'researcher', 'fellow', 'police', 'military', 'government', 'agency', 'report', 'statement', 'media', 'group', 'monitors', 'sources', 'spokesman', 'commander', 'envoy', 'ambassador', 'secretary', 'chief', 'he', 'she', 'they', 'it', 'we']);

function englishClaims(doc: ClaimDoc): ClaimsResult {
  const claims: Claim[] = [];
  const newMentions: Mention[] = [];
  const bySentence = mentionsBySentence(doc);
  for (const [k, sentence] of doc.sentences.entries()) {
    const tokens = tokenize(doc.norm, sentence.start, sentence.end);
    const mentions = bySentence[k]!.filter((m) => m.via !== 'role');
    let done = false;
    // according to X
    for (let t = 0; t + 2 < tokens.length && !done; t++) {
      if (tokens[t]!.word !== 'according' || tokens[t + 1]!.word !== 'to') continue;
      const sp = speakerAfterEn(doc, tokens, t + 2, mentions);
      if (!sp) continue;
      const atStart = t === 0 || doc.norm.slice(sentence.start, tokens[t]!.start).trim() === '';
      const [s, e] = atStart
        ? trimSpan(doc.text, nextComma(doc.norm, sp.end, sentence.end), sentence.end, /[\s,]/, /[\s.!?]/)
        : trimSpan(doc.text, sentence.start, tokens[t]!.start, /[\s"“]/, /[\s,"”]/);
      if (e > s) {
        claims.push(claim(doc, sp, tokens[t]!.start, tokens[t + 1]!.end, s, e));
        if (sp.unknown) newMentions.push(unknownMention(doc, sp));
        done = true;
      }
    }
    if (done) continue;
    for (let t = 0; t < tokens.length; t++) {
      const cue = EN_CUE_FORMS.get(tokens[t]!.word);
      if (!cue) continue;
      const prevWord = tokens[t - 1]?.word;
      if (prevWord === 'to' || prevWord === 'the' || prevWord === 'a') continue; // "to say", "the claim"
      if (cue === 'state' && /^(state|states)$/.test(tokens[t]!.word)) continue; // the noun
      if (cue === 'claim' && /^claims?$/.test(tokens[t]!.word) && prevWord !== undefined && !AUXILIARIES.has(prevWord) && !mentions.some((m) => m.end <= tokens[t]!.start && tokens[t]!.start - m.end <= 2)) continue;
      const verbStart = tokens[t]!.start;
      const verbEnd = tokens[t]!.end;
      const textBefore = doc.norm.slice(sentence.start, verbStart);
      // "…," X said. / "…," said X.
      const commaBefore = /[,”"]\s*[^,]{0,60}$/.test(textBefore) && /[,"”]/.test(textBefore);
      const after = doc.norm.slice(verbEnd, sentence.end);
      const trailing = /^\s*(?:(?:on|in|at|last|this|early|late)\b[^,.]{0,40})?[.!?"”]*\s*$/.test(after) || /^\s*(?:on|in|at)\b[^,]{0,40}$/.test(after);
      // Speaker before the verb; for "…, X said." only after the last comma.
      const lastComma = doc.norm.lastIndexOf(',', verbStart);
      const windowFrom = trailing && commaBefore && lastComma >= sentence.start ? lastComma : sentence.start;
      let speaker = speakerBeforeEn(doc, tokens.filter((x) => x.start >= windowFrom || x === tokens[t]), tokens.filter((x) => x.start >= windowFrom || x === tokens[t]).indexOf(tokens[t]!), mentions.filter((m) => m.start >= windowFrom));
      if (!speaker && trailing) speaker = speakerAfterEn(doc, tokens, t + 1, mentions);
      if (!speaker && /^\s+\S/.test(after) && commaBefore) speaker = speakerAfterEn(doc, tokens, t + 1, mentions);
      if (!speaker) continue;
      let s: number;
      let e: number;
      const speakerAfterVerb = speaker.start >= verbEnd;
      if ((trailing || speakerAfterVerb) && commaBefore) {
        const claimEnd = Math.min(speaker.start, verbStart);
        const commaAt = doc.norm.lastIndexOf(',', claimEnd);
        [s, e] = trimSpan(doc.text, sentence.start, commaAt >= sentence.start ? commaAt : claimEnd, /[\s"“]/, /[\s,"”]/);
      } else {
        let from = speakerAfterVerb ? speaker.end : verbEnd;
        const rest = doc.norm.slice(from, sentence.end);
        const lead = /^\s*(?:(?:on|in|at|last|this|early|late)\s+[A-Z]?[a-z]+(?:\s+\d+)?\s*)?(?:,\s*)?(?:(?:to|the)\s+\w+\s+)?(?:that\b)?\s*[:,]?\s*/.exec(rest);
        from += lead ? lead[0].length : 0;
        [s, e] = trimSpan(doc.text, from, sentence.end, /[\s"“:,]/, /[\s.!?"”]/);
      }
      if (e <= s || e - s < 3) continue;
      claims.push(claim(doc, speaker, verbStart, verbEnd, s, e));
      if (speaker.unknown) newMentions.push(unknownMention(doc, speaker));
      break; // one claim per English sentence: later cues are inside it
    }
  }
  return { claims, newMentions };
}

function unknownMention(doc: ClaimDoc, sp: SpeakerSpan): Mention {
  return { kind: 'person', text: doc.text.slice(sp.start, sp.end), start: sp.start, end: sp.end, id: null, name_en: null, via: 'title' };
}

function nextComma(norm: string, from: number, end: number): number {
  const at = norm.indexOf(',', from);
  return at >= 0 && at < end ? at + 1 : from;
}

const EN_PREPS = new Set(['of', 'for', 'with', 'to', 'against', 'from', 'at', 'by', 'in', 'on', 'into', 'about', 'over', 'between', 'than']);

function speakerBeforeEn(doc: ClaimDoc, tokens: Token[], t: number, mentions: readonly Mention[]): SpeakerSpan | undefined {
  const verbStart = tokens[t]!.start;
  // Nearest gazetteer actor within the 12 words before the verb, not after a preposition.
  const windowStart = tokens[Math.max(0, t - 12)]!.start;
  const candidates = mentions.filter((m) => m.end <= verbStart && m.start >= windowStart);
  for (let k = candidates.length - 1; k >= 0; k--) {
    const m = candidates[k]!;
    const idx = tokens.findIndex((x) => x.start >= m.start);
    let j = idx - 1;
    while (j >= 0 && ['the', 'a', 'an'].includes(tokens[j]!.word)) j--;
    if (j >= 0 && EN_PREPS.has(tokens[j]!.word)) continue;
    // "North Korea's foreign ministry said": the ministry speaks for the state.
    return speakerOfMention(m);
  }
  // A name or a speaker noun right before the verb: "analyst John Doe said", "officials said".
  let j = t - 1;
  while (j >= 0 && AUXILIARIES.has(tokens[j]!.word)) j--;
  if (j < 0) return undefined;
  const w = tokens[j]!;
  const isCap = (k: number) => /^[A-Z]/.test(doc.text[tokens[k]!.start]!);
  if (isCap(j) && !EN_SPEAKER_NOUNS.has(w.word) && !['The', 'A', 'It', 'He', 'She', 'They', 'We', 'I'].includes(doc.text.slice(w.start, w.end))) {
    let s = j;
    while (s > 0 && isCap(s - 1) && w.start - tokens[s - 1]!.start < 40) s--;
    return { start: tokens[s]!.start, end: w.end, ref: doc.text.slice(tokens[s]!.start, w.end), nameEn: null, unknown: true };
  }
  if (EN_SPEAKER_NOUNS.has(w.word) && !['he', 'she', 'they', 'it', 'we'].includes(w.word)) {
    let s = j;
    while (s > 0 && /^[A-Za-z]/.test(tokens[s - 1]!.word) && !EN_PREPS.has(tokens[s - 1]!.word) && !['said', 'and', 'but', 'that'].includes(tokens[s - 1]!.word) && j - s < 3) s--;
    // A generic speaker (officials, analysts): reported as written, but not a new actor.
    return { start: tokens[s]!.start, end: w.end, ref: doc.text.slice(tokens[s]!.start, w.end), nameEn: null };
  }
  return undefined;
}

function speakerAfterEn(doc: ClaimDoc, tokens: Token[], t: number, mentions: readonly Mention[]): SpeakerSpan | undefined {
  const from = tokens[t]?.start;
  if (from === undefined) return undefined;
  const m = mentions.find((x) => x.start >= from && x.start - from <= 30);
  if (m) return speakerOfMention(m);
  let e = t;
  while (e < tokens.length && /^[A-Z]/.test(doc.text[tokens[e]!.start]!)) e++;
  if (e > t) return { start: tokens[t]!.start, end: tokens[e - 1]!.end, ref: doc.text.slice(tokens[t]!.start, tokens[e - 1]!.end), nameEn: null, unknown: true };
  // "said officials", "according to analysts"
  let k = t;
  while (k < tokens.length && k - t < 3 && !EN_SPEAKER_NOUNS.has(tokens[k]!.word)) k++;
  if (k < tokens.length && EN_SPEAKER_NOUNS.has(tokens[k]!.word) && !['he', 'she', 'they', 'it', 'we'].includes(tokens[k]!.word)) {
    // A generic speaker (a monitoring group, officials): reported as written, not a new actor.
    return { start: tokens[t]!.start, end: tokens[k]!.end, ref: doc.text.slice(tokens[t]!.start, tokens[k]!.end), nameEn: null };
  }
  return undefined;
}
