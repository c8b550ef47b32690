/**
 * The evidence pipeline: the worked examples, the founding article read against its hand
 * annotation, precision and recall on Brink's annotated test articles (zh-Hant, zh-Hans, en), CAMEO
 * root accuracy on codebook-style English sentences, provenance (every item's text is its slice of
 * the input), bad input, and a seeded property test: garbled text never throws anything but InputError.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  analyseArticle,
  applyPatch,
  buildPatch,
  cameoCode,
  cameoCodes,
  chineseOrArabic,
  compareEvidence,
  detectLanguage,
  evidenceGazetteer,
  normalise,
  parseEnglishNumber,
  parseGazetteerText,
  type ArticleEvidence,
} from '../../src/evidence';
import { isInputError, InputError } from '../../src/errors';
import { LIMITS } from '../../src/limits';
import { parseScenarioText, validateScenario } from '../../src/scenario';
import { ANNOTATED, KINDS, add, precision, readGold, recall, score, HERE, type Kind, type Score } from './quality';
import { CAMEO_SENTENCES_EN } from './cameo-sentences-en';

const ROOT = path.resolve(HERE, '../../../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const scenario = validateScenario(parseScenarioText(read('scenarios/korean-peninsula-2025-09.yaml'), 'korean-peninsula-2025-09.yaml'), {
  fileName: 'korean-peninsula-2025-09.yaml',
  readSource: (s) => (s.file ? read(`sources/${s.file}`) : undefined),
});
const defaults = parseGazetteerText(read('gazetteers/default.yaml'), 'gazetteers/default.yaml');
const gazetteer = evidenceGazetteer({ defaults, scenario });
const SEED = read('sources/000_8d664b9cd5e9c824.txt');

function expectProvenance(text: string, ev: ArticleEvidence): void {
  for (const item of [...ev.mentions, ...ev.quantities, ...ev.dates, ...ev.events, ...ev.claims]) {
    expect(text.slice(item.start, item.end)).toBe(item.text);
  }
  for (const e of ev.events) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
  for (const c of ev.claims) expect(text.slice(c.verb_start, c.verb_end)).toBe(c.verb);
  for (const s of ev.sentences) expect(s.end).toBeGreaterThan(s.start);
}

describe('worked examples of the issue', () => {
  const zh = (body: string) => analyseArticle(` date 2025-09-01 ${body}`, gazetteer);
  it('reads quantities with units and approximators', () => {
    const q = (body: string) => zh(body).quantities.map((x) => ({ value: x.value, unit: x.unit, approx: x.approx }));
    expect(q('北韓出口3.48億美元的商品。')).toEqual([{ value: 348_000_000, unit: 'USD', approx: null }]);
    expect(q('占其貿易總額近9成。')).toEqual([{ value: 0.9, unit: 'share', approx: 'nearly' }]);
    expect(q('北韓六度驗證核裝置。')).toEqual([{ value: 6, unit: 'times', approx: null }]);
    expect(q('北韓派出逾2萬兵力。')).toEqual([{ value: 20_000, unit: 'troops', approx: 'more than' }]);
    expect(q('逾2萬。')).toEqual([{ value: 20_000, unit: 'count', approx: 'more than' }]);
    const en = analyseArticle(' date 2025-09-01 China takes nearly 90% of its trade.', gazetteer).quantities;
    expect(en.map((x) => [x.value, x.unit, x.approx])).toEqual([[0.9, 'share', 'nearly']]);
  });

  it('reads Chinese and English numerals', () => {
    expect(chineseOrArabic('一千二百萬'.replace('萬', '万'))).toBe(12_000_000);
    expect(chineseOrArabic('两万三千')).toBe(23_000);
    expect(chineseOrArabic('1.5兆')).toBe(1.5e12);
    expect(chineseOrArabic('二〇二四')).toBeUndefined();
    expect(parseEnglishNumber('twenty-five thousand')).toBe(25_000);
  });

  it('resolves relative dates against the article date, with the interval', () => {
    const d = (body: string) => zh(body).dates.map((x) => [x.text, x.value, x.range, x.relative]);
    expect(d('讓金正恩對會談的興趣不如7年前的川金會。')).toEqual([['7年前', '2018', ['2018-01-01', '2018-12-31'], true]]);
    expect(d('白宮新聞秘書李威特日前表示。')).toEqual([['日前', '2025-08', ['2025-08-22', '2025-08-31'], true]]);
    expect(d('北韓先後於2022年修法，隔年又修憲。').map((x) => x[1])).toEqual(['2022', '2023']);
    const en = analyseArticle(' date 2025-09-01 Seoul postponed the drills last month.', gazetteer).dates;
    expect(en.map((x) => [x.value, x.range])).toEqual([['2025-08', ['2025-08-01', '2025-08-31']]]);
  });

  it('resolves metonyms to states', () => {
    for (const [name, id] of [['平壤', 'dprk'], ['華府', 'usa'], ['華盛頓', 'usa'], ['首爾', 'rok'], ['北京', 'china'], ['莫斯科', 'russia']] as const) {
      expect(zh(`${name}表示反對。`).mentions[0]).toMatchObject({ text: name, id, kind: 'state' });
    }
    for (const [name, id] of [['Pyongyang', 'dprk'], ['Washington', 'usa'], ['Seoul', 'rok'], ['Beijing', 'china'], ['Moscow', 'russia']] as const) {
      expect(analyseArticle(` date 2025-09-01 ${name} said nothing.`, gazetteer).mentions[0]).toMatchObject({ text: name, id, kind: 'state' });
    }
    // 朝鮮半島 is a place, not the DPRK.
    expect(zh('朝鮮半島陷入長期緊張。').mentions).toEqual([]);
  });

  it('names an office holder by the article date', () => {
    const at = (date: string) => analyseArticle(` date ${date} 南韓總統表示願意對話。`, gazetteer).mentions.filter((m) => m.kind === 'person').map((m) => m.id);
    expect(at('2025-09-01')).toEqual(['lee-jae-myung']);
    expect(at('2024-01-01')).toEqual(['yoon-suk-yeol']);
  });

  it('codes a weapons test with the extension, never 2042, and gives no event for an uncodable sentence', () => {
    const ev = zh('北韓10月22日試射兩枚彈道飛彈。').events;
    expect(ev.map((e) => [e.code, e.root, e.source, e.plover])).toEqual([['1561', '15', 'dprk', 'MOBILIZE']]);
    expect(zh('北韓進行第七次核試。').events.map((e) => e.code)).toEqual(['1562']);
    expect(zh('平壤今天天氣晴朗。').events).toEqual([]);
    expect(analyseArticle(' date 2025-09-01 The weather in Seoul was warm.', gazetteer).events).toEqual([]);
  });

  it('marks modality: future cooperation becomes intent (CAMEO 036), negation and hypotheses are kept apart', () => {
    const m = (body: string) => zh(body).events.map((e) => [e.code, e.modality]);
    expect(m('習近平預計訪問南韓。')).toEqual([['036', 'future']]);
    expect(m('北韓可能發動核攻擊。')).toEqual([['2042', 'hypothetical']]);
    expect(m('平壤不急於恢復與華府的對話。')).toEqual([['046', 'negated']]);
    expect(m('金與正說北韓無意改善與韓國的關係。')).toEqual([['120', 'past']]);
  });
});

describe('the founding article', () => {
  const ev = analyseArticle(SEED, gazetteer);
  const gold = readGold(path.join(HERE, 'seed.gold.json'));

  it('is zh-Hant, dated by its header, with every offset into the file as read', () => {
    expect(ev.language).toBe('zh-Hant');
    expect(ev.date).toBe('2025-09-01');
    expectProvenance(SEED, ev);
    expect(ev.sentences[0]!.start).toBe(SEED.indexOf('北韓'));
  });

  it('finds and resolves every person, organisation and state it names, with the English name', () => {
    const s = score(ev, gold).mentions;
    expect(s.fn).toBe(0);
    expect(s.fp).toBe(0);
    for (const m of ev.mentions) expect(m.name_en, m.text).toBeTruthy();
    const ids = new Set(ev.mentions.map((m) => m.id));
    for (const id of ['victor-cha', 'james-park', 'jenny-town', 'leif-eric-easley', 'hong-min', 'lim-eul-chul', 'karoline-leavitt', 'kim-yo-jong', 'csis', 'kinu', 'msmt', 'stimson-center', 'quincy-institute']) expect(ids.has(id), id).toBe(true);
  });

  it('reads every quantity with the right value and unit', () => {
    expect(ev.quantities.map((q) => [q.text, q.value, q.unit, q.approx])).toEqual([
      ['六度', 6, 'times', null],
      ['3.48億美元', 348_000_000, 'USD', null],
      ['近9成', 0.9, 'share', 'nearly'],
    ]);
  });

  it('attributes every claim to the right speaker', () => {
    const s = score(ev, gold);
    expect(s.claims).toEqual({ tp: gold.claims.length, fp: 0, fn: 0 });
    const cha = ev.claims.find((c) => c.speaker === 'victor-cha')!;
    expect(cha.speaker_name_en).toBe('Victor Cha');
    expect(cha.text.startsWith('金正恩從伊拉克、利比亞及伊朗學到')).toBe(true);
  });

  it('codes the events it reports with defensible CAMEO roots', () => {
    const s = score(ev, gold).events;
    expect(precision(s)).toBeGreaterThanOrEqual(0.9);
    expect(recall(s)).toBeGreaterThanOrEqual(0.85);
    const find = (code: string) => ev.events.find((e) => e.code === code);
    expect(find('1562')).toMatchObject({ source: 'dprk', modality: 'past' });
    expect(find('195')).toMatchObject({ source: 'usa', target: 'iran' });
    expect(find('036')).toMatchObject({ source: 'xi-jinping', target: 'rok', modality: 'future' });
    expect(find('120')).toMatchObject({ source: 'kim-yo-jong', target: 'rok' });
    expect(ev.events.every((e) => e.code !== '2042' || e.modality === 'hypothetical')).toBe(true);
  });
});

describe('precision and recall on the annotated articles', () => {
  const per: Record<string, Record<Kind, Score>> = {};
  let total: Record<Kind, Score> | undefined;
  for (const a of ANNOTATED) {
    const text = readFileSync(a.file, 'utf8');
    const ev = analyseArticle(text, gazetteer);
    expectProvenance(text, ev);
    per[a.name] = score(ev, readGold(a.gold));
    total = total ? add(total, per[a.name]!) : per[a.name]!;
  }
  it.each(KINDS)('%s: precision and recall at least 0.8 over all articles', (kind) => {
    expect(precision(total![kind])).toBeGreaterThanOrEqual(0.8);
    expect(recall(total![kind])).toBeGreaterThanOrEqual(0.8);
  });
  it('the three language forms are detected', () => {
    const langs = ANNOTATED.slice(1).map((a) => detectLanguage(readFileSync(a.file, 'utf8')).language);
    expect(langs).toEqual(['zh-Hant', 'zh-Hans', 'en']);
  });
});

describe('CAMEO root codes on codebook-style English sentences', () => {
  it('codes at least 80% of the roots right, and nothing where nothing happens', () => {
    let right = 0;
    for (const [sentence, root] of CAMEO_SENTENCES_EN) {
      const ev = analyseArticle(sentence, gazetteer, { date: '2025-01-01', lang: 'en' });
      if (root === null ? ev.events.length === 0 : ev.events[0]?.root === root) right++;
    }
    expect(right / CAMEO_SENTENCES_EN.length).toBeGreaterThanOrEqual(0.8);
  });

  it('every code has a Goldstein value and the roots match GDELT', () => {
    const roots: Record<string, number> = { '01': 0, '02': 3, '03': 4, '04': 1, '05': 3.5, '06': 6, '07': 7, '08': 5, '09': -2, '10': -5, '11': -2, '12': -4, '13': -6, '14': -6.5, '15': -7.2, '16': -4, '17': -7, '18': -9, '19': -10, '20': -10 };
    for (const [root, g] of Object.entries(roots)) expect(cameoCode(root)?.goldstein).toBe(g);
    for (const c of cameoCodes()) expect(Number.isFinite(c.goldstein)).toBe(true);
    expect(cameoCode('042')).toMatchObject({ goldstein: 1.9, plover: 'CONSULT' });
    expect(cameoCode('1562')).toMatchObject({ root: '15', extension: true, plover: 'MOBILIZE', ploverContext: 'cbrn' });
    expect(cameoCode('010')?.plover).toBeNull();
  });
});

describe('bad input', () => {
  const bad = (text: string, options = {}) => {
    try {
      analyseArticle(text, gazetteer, { fileName: 'a.txt', ...options });
    } catch (error) {
      expect(isInputError(error)).toBe(true);
      return (error as InputError).message;
    }
    throw new Error('expected an InputError');
  };
  it('refuses empty, binary, undated, unknown-language and oversized articles, naming the file', () => {
    expect(bad('')).toMatch(/^a\.txt: the article is empty/);
    expect(bad(' date 2025-09-01 abc\u0000def')).toMatch(/^a\.txt:1:\d+: the file is binary/);
    expect(bad('北韓試射飛彈。')).toMatch(/^a\.txt: the article has no date/);
    expect(bad(' date 2025-02-30 北韓。')).toMatch(/not a calendar day/);
    expect(bad('北韓。', { date: '2025-09-01', lang: 'fr' })).toMatch(/^lang: unknown language "fr"/);
    expect(bad('x'.repeat(LIMITS.maxArticleBytes + 1), { date: '2025-09-01' })).toMatch(/too large: \d+ bytes, the limit is 2097152 bytes/);
    expect(bad(' date 2025-09-01 123 456', {})).toMatch(/cannot tell the language/);
  });

  it('never throws anything but InputError on random or garbled text (seeded)', () => {
    const pieces = fc.constantFrom('北韓', '說', '，', '。', '「', '」', '美韓', '試射', '3.48億', '近9成', 'said', 'North Korea', ' ', '\n', '7年前', '日前', 'date', '2025-09-01', '對', '的', 'x', '𠀀', '\uFFFD', '\u0001', '據', '報告');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string(), fc.string({ unit: "binary" })), { maxLength: 40 }), fc.boolean(), (parts, header) => {
        const text = (header ? ' date 2025-09-01 ' : '') + parts.join('');
        try {
          const ev = analyseArticle(text, gazetteer, header ? {} : { date: '2025-09-01' });
          expectProvenance(text, ev);
        } catch (error) {
          if (!isInputError(error)) throw error;
        }
      }),
      { seed: 20251201, numRuns: 300 },
    );
  });
});

describe('normalisation and the scenario patch', () => {
  it('normalisation keeps the length, so offsets stay on the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        expect(normalise(s, true).length).toBe(s.length);
      }),
      { seed: 7, numRuns: 200 },
    );
    expect(normalise('北韓與俄國', true)).toBe('北韩与俄国');
  });

  it('a newer article updates values, adds events and actors; the patched scenario still validates', () => {
    const file = 'examples/articles/2025-10-24-dprk-parade-missiles.txt';
    const text = read(file);
    const ev = analyseArticle(text, gazetteer);
    const articles = [{ id: 'article-example', file: path.basename(file), text, evidence: ev }];
    const report = compareEvidence(scenario, articles);
    expect(report.values.find((v) => v.path === '$.relations[id=china-dprk-trade].amounts.dprkExportsToChina2024')?.status).toBe('updates');
    expect(report.events.some((e) => e.event.code === '1561' && e.date === '2025-10-22')).toBe(true);
    expect(report.actors.map((a) => a.id)).toContain('marco-rubio');
    const patch = buildPatch(scenario, report, articles);
    const patched = applyPatch(scenario, patch);
    // Every quote the patch adds is verbatim in the article: the validator checks it.
    const valid = validateScenario(patched, { readSource: (s) => (s.id === 'article-example' ? text : s.file ? read(`sources/${s.file}`) : undefined) });
    expect(valid.events.length).toBeGreaterThan(scenario.events.length);
  });
});
