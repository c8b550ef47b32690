/**
 * CAMEO coding of single sentences: root accuracy on Brink's own sentence sets (English, English in
 * the codebook's longer style, Chinese; each split into a development and a held-out half), and the
 * constructions the coder must read (docs/evidence.md, "Coding rules"): generic agents with their
 * state and CAMEO agent code, passives, reported speech and pronouns, negation, modals and CAMEO's
 * future rule, refusals, obligations as demands, event nouns after light verbs and their reversal,
 * who does an act (protesters' force is 145), orders to one's own forces, and no event where nothing
 * codable happens.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseArticle, evidenceGazetteer, parseGazetteerText, type CodedEvent } from '../../src/evidence';
import { parseScenarioText, validateScenario } from '../../src/scenario';
import { explainEnglishSentence } from '../../src/evidence/events-en';
import { HERE } from './quality';
import { codedRoots, rootAccuracy } from './cameo-accuracy';
import { CAMEO_SENTENCES_EN } from './cameo-sentences-en';
import { CAMEO_SENTENCES_EN_DEV } from './cameo-en-dev';
import { CAMEO_SENTENCES_EN_HELDOUT } from './cameo-en-heldout';
import { CAMEO_SENTENCES_EN_HARD_DEV } from './cameo-en-hard-dev';
import { CAMEO_SENTENCES_EN_HARD_HELDOUT } from './cameo-en-hard-heldout';
import { CAMEO_SENTENCES_ZH_DEV } from './cameo-zh-dev';
import { CAMEO_SENTENCES_ZH_HELDOUT } from './cameo-zh-heldout';

const ROOT = path.resolve(HERE, '../../../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const scenario = validateScenario(parseScenarioText(read('scenarios/korean-peninsula-2025-09.yaml'), 'korean-peninsula-2025-09.yaml'), { fileName: 'korean-peninsula-2025-09.yaml' });
const gazetteer = evidenceGazetteer({ defaults: parseGazetteerText(read('gazetteers/default.yaml'), 'gazetteers/default.yaml'), scenario });
const analyse = (sentence: string) => analyseArticle(sentence, gazetteer, { date: '2025-01-01' });
const events = (sentence: string): CodedEvent[] => analyse(sentence).events;
const first = (sentence: string): CodedEvent | undefined => analyse(sentence).events.find((e) => e.modality !== 'negated');

const ROOTS = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));

describe('root accuracy on Brink\'s own sentence sets', () => {
  const sets: { name: string; sentences: readonly (readonly [string, string | null])[]; size: number }[] = [
    { name: 'English, development half', sentences: CAMEO_SENTENCES_EN_DEV, size: 160 },
    { name: 'English, held-out half', sentences: CAMEO_SENTENCES_EN_HELDOUT, size: 160 },
    { name: 'English (codebook style), development half', sentences: CAMEO_SENTENCES_EN_HARD_DEV, size: 60 },
    { name: 'English (codebook style), held-out half', sentences: CAMEO_SENTENCES_EN_HARD_HELDOUT, size: 60 },
    { name: 'Chinese, development half', sentences: CAMEO_SENTENCES_ZH_DEV, size: 80 },
    { name: 'Chinese, held-out half', sentences: CAMEO_SENTENCES_ZH_HELDOUT, size: 80 },
    { name: 'English, first set (cameo-sentences-en.ts)', sentences: CAMEO_SENTENCES_EN, size: 100 },
  ];
  it.each(sets)('$name: at least 80% of the roots right', ({ sentences, size }) => {
    expect(sentences.length).toBeGreaterThanOrEqual(size);
    const acc = rootAccuracy(sentences, analyse);
    expect(acc.right / acc.total).toBeGreaterThanOrEqual(0.8);
  });

  it('the sets cover all 20 roots and sentences without events, in both halves', () => {
    for (const set of [CAMEO_SENTENCES_EN_DEV, CAMEO_SENTENCES_EN_HELDOUT, CAMEO_SENTENCES_EN_HARD_DEV, CAMEO_SENTENCES_EN_HARD_HELDOUT, CAMEO_SENTENCES_ZH_DEV, CAMEO_SENTENCES_ZH_HELDOUT]) {
      const roots = new Set(set.map(([, r]) => r));
      for (const r of ROOTS) expect(roots.has(r)).toBe(true);
      expect(roots.has(null)).toBe(true);
    }
    const en = CAMEO_SENTENCES_EN_DEV.length + CAMEO_SENTENCES_EN_HELDOUT.length + CAMEO_SENTENCES_EN_HARD_DEV.length + CAMEO_SENTENCES_EN_HARD_HELDOUT.length;
    const zh = CAMEO_SENTENCES_ZH_DEV.length + CAMEO_SENTENCES_ZH_HELDOUT.length;
    expect(en).toBeGreaterThanOrEqual(300);
    expect(zh).toBeGreaterThanOrEqual(150);
    // The halves share no sentence.
    const dev = new Set([...CAMEO_SENTENCES_EN_DEV, ...CAMEO_SENTENCES_EN_HARD_DEV, ...CAMEO_SENTENCES_ZH_DEV].map(([s]) => s));
    for (const [s] of [...CAMEO_SENTENCES_EN_HELDOUT, ...CAMEO_SENTENCES_EN_HARD_HELDOUT, ...CAMEO_SENTENCES_ZH_HELDOUT]) expect(dev.has(s)).toBe(false);
  });

  it('the Chinese sets hold both script forms', () => {
    const scripts = new Set([...CAMEO_SENTENCES_ZH_DEV, ...CAMEO_SENTENCES_ZH_HELDOUT].map(([s]) => analyse(s).language));
    expect([...scripts].sort()).toEqual(['zh-Hans', 'zh-Hant']);
  });
});

describe('English: actors named by their role', () => {
  it('resolves a demonym, a possessive or an of/in phrase to the state, with the CAMEO agent code', () => {
    expect(first('Kenyan police arrested twelve students in Nairobi.')).toMatchObject({ root: '17', source: 'kenya', sourceAgent: 'COP', target: 'kenya', targetAgent: 'EDU' });
    expect(first("Kenya's police arrested twelve students in Nairobi.")).toMatchObject({ source: 'kenya', sourceAgent: 'COP' });
    expect(first('Police in Kenya arrested twelve students.')).toMatchObject({ source: 'kenya', sourceAgent: 'COP' });
    expect(first('The government of Peru expelled two Bolivian diplomats.')).toMatchObject({ root: '16', source: 'peru', sourceAgent: 'GOV', target: 'bolivia' });
    expect(first('Senior Greek and Turkish officials met in Brussels on Friday.')).toMatchObject({ root: '04', source: 'greece', target: 'turkey' });
  });

  it('keeps an agent without a state as written, and finds the head before prepositional phrases', () => {
    expect(first('Rebels ambushed an army convoy in the hills.')).toMatchObject({ root: '19', source: 'Rebels', sourceAgent: 'REB' });
    expect(first('Residents of the flooded town demanded help from the army.')).toMatchObject({ root: '10', source: 'Residents', sourceAgent: 'CVL' });
    expect(first('Opposition leaders in the capital called for a general strike.')).toMatchObject({ root: '02', sourceAgent: 'OPP' });
  });

  it('explains its reading: actor phrases with their resolution and agent, triggers with their verb form', () => {
    const text = 'Angry Kenyan students staged a protest after police arrested their leaders.';
    const x = explainEnglishSentence({ text, norm: text, sentence: { start: 0, end: text.length }, mentions: analyse(text).mentions });
    expect(x.actors).toContainEqual({ text: 'Angry Kenyan students', refs: ['kenya'], agent: 'EDU' });
    expect(x.triggers.map((t) => [t.code, t.form])).toEqual([['141', 'finite'], ['173', 'finite']]);
    expect(events(text).map((e) => [e.code, e.source])).toEqual([['141', 'kenya'], ['173', 'police']]);
  });

  it('reads titles before unknown names, and unknown organisations by their capitalised names', () => {
    expect(first('Foreign Minister Ana Ruiz of Chile visited Lima on Monday.')).toMatchObject({ code: '042', target: 'peru' });
    const e = first('The Democratic Front for Change accused the army of torturing prisoners.');
    expect(e).toMatchObject({ root: '11', source: 'Democratic Front for Change', targetAgent: 'MIL' });
    expect(e?.code).toBe('1122');
  });

  it('gives no event when the subject is no actor, or nothing codable happens', () => {
    for (const s of ['Oil prices rose sharply after the announcement.', 'Heavy storms killed ten people in the south.', 'The minister said the economy grew by three percent.', 'The museum opened a new exhibition of paintings.', 'The company released its annual report on Monday.']) {
      expect(codedRoots(analyse(s))).toEqual([]);
    }
  });
});

describe('English: clauses, voice and modality', () => {
  it('takes the agent of a passive as the source and its subject as the target; no agent, no event', () => {
    expect(first('Two aid workers were kidnapped by gunmen in Darfur.')).toMatchObject({ root: '18', source: 'gunmen', sourceAgent: 'UAF' });
    expect(first('The Iraqi embassy was attacked by protesters on Friday.')).toMatchObject({ root: '14', target: 'iraq' });
    expect(codedRoots(analyse('Two aid workers were kidnapped in Darfur.'))).toEqual([]);
  });

  it('codes reported speech with the speaker standing for a pronoun', () => {
    expect(first('Egypt said on Monday it would open the Rafah crossing to aid convoys.')).toMatchObject({ root: '03', source: 'egypt', modality: 'future' });
    expect(first('Mexican officials said the country would cooperate with Guatemala.')).toMatchObject({ root: '03', source: 'mexico', target: 'guatemala' });
  });

  it('applies CAMEO\'s future rule: future cooperation is 03, future force 13', () => {
    expect(first('Japan will send rescue teams to Turkey.')?.root).toBe('03');
    expect(first('The army will attack rebel positions next week.')).toMatchObject({ code: '1384', modality: 'future' });
    expect(first('Iran plans to test a new missile.')).toMatchObject({ root: '13', modality: 'intended' });
    expect(first('Russia may close its airspace to Polish airlines.')).toMatchObject({ root: '13', modality: 'hypothetical' });
  });

  it('reports negated acts as negated, and a refused cooperative act as a rejection', () => {
    const negated = events('Israel did not attack the convoy.');
    expect(negated.every((e) => e.modality === 'negated')).toBe(true);
    expect(first('Syria said it will not accept any more refugees.')).toMatchObject({ root: '12' });
    expect(first('The junta refused to release the former president.')).toMatchObject({ code: '1243' });
  });

  it('codes an obligation stated by a speaker as the speaker\'s demand', () => {
    expect(first('Britain said Libya must hand over the two suspects.')).toMatchObject({ root: '10', source: 'uk', target: 'libya' });
    // An obligation in the article's own voice is nobody's act.
    expect(codedRoots(analyse('Libya must hand over the two suspects.'))).toEqual([]);
  });

  it('takes what a speech act is about as its sub-code, not as a separate event', () => {
    const appeal = events('The Pope urged Israel and Hamas to resume talks.');
    expect(appeal.map((e) => e.code)).toEqual(['026']);
    expect(first('Kenya threatened to expel Somali diplomats.')).toMatchObject({ code: '1313' });
    expect(first('India accused Pakistan of attacking its border posts.')).toMatchObject({ code: '1123' });
  });

  it('codes event nouns after light verbs, and stopping verbs as their reversal', () => {
    expect(first('Workers at the port staged a two-day strike.')).toMatchObject({ code: '143' });
    expect(first('The union called off the strike on Friday.')).toMatchObject({ code: '082' });
    expect(first('Chile cancelled a planned visit to Bolivia.')).toMatchObject({ code: '161' });
    expect(first('The army carried out air strikes on rebel bases.')).toMatchObject({ root: '19', code: '195' });
  });

  it('codes an act by who does it: protesters\' force is violent protest, a state\'s protest is diplomatic', () => {
    expect(first('Protesters clashed with soldiers outside parliament.')).toMatchObject({ code: '145' });
    expect(first('Farmers blockaded the main port.')).toMatchObject({ code: '144' });
    expect(first('China protested to Japan over the visit.')).toMatchObject({ code: '114' });
    expect(first('The Serbian president ordered the army to raise its combat readiness.')).toMatchObject({ root: '15', source: 'serbia' });
  });

  it('lists the main clause\'s event before those of subordinate clauses, with offsets into the text', () => {
    const text = 'Turkey recalled its ambassador after Israeli troops stormed the ship.';
    const ev = analyse(text).events;
    expect(ev[0]).toMatchObject({ code: '161', source: 'turkey' });
    expect(ev[1]).toMatchObject({ root: '19', source: 'israel' });
    for (const e of ev) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
  });
});

describe('Chinese: generic agents', () => {
  it('joins a state and an agent (肯亞警方 = Kenya, COP) and keeps an agent alone as written', () => {
    expect(first('肯亞警方逮捕了二十名示威者。')).toMatchObject({ root: '17', source: 'kenya', sourceAgent: 'COP', targetAgent: 'OPP' });
    expect(first('叛軍襲擊了政府軍的車隊。')).toMatchObject({ root: '19', source: '叛軍', sourceAgent: 'REB' });
    expect(first('示威者与警察发生冲突。')).toMatchObject({ code: '145', sourceAgent: 'OPP' });
  });

  it('leaves a title before a person to the person (日本首相高市早苗)', () => {
    expect(first('日本首相高市早苗譴責北韓。')).toMatchObject({ root: '11', source: 'takaichi-sanae', target: 'dprk' });
  });

  it('reads a verb before 事件 as a noun, and a trigger between a state and an agent as a modifier', () => {
    expect(codedRoots(analyse('泰國就邊境槍擊事件向柬埔寨提出抗議。'))).toEqual(['11']);
    expect(codedRoots(analyse('肯尼亚罢工医生要求政府加薪。'))).toEqual(['10']);
  });
});
