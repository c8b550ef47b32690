/**
 * Quantities: numbers with their unit and approximator, in Chinese and English news text.
 *
 * Rules (docs/evidence.md, "Quantities"; numbers read by ./numbers.ts):
 * - Chinese: [approximator] number [多|余] [unit] [左右|以上|以下|上下]. Approximators: 近, 将近,
 *   接近 -> "nearly"; 约, 大约, 约为, 左右, 上下 -> "about"; 逾, 超过, 多于, 多, 余, 以上 -> "more than";
 *   不到, 不足, 少于, 未满 -> "less than"; 至少 -> "at least"; 最多, 至多, 以下 -> "at most"; 高达, 多达 ->
 *   "up to". Units: currencies (美元 USD, 韩元 KRW, 人民币 CNY, 日元 JPY, 欧元 EUR, 卢布 RUB, 新台币
 *   TWD), 成 (tenths: 近9成 = about 0.9, unit "share"), 百分之N and N% (unit "share", value N/100),
 *   个百分点 ("percentage points"), 度/次/倍 ("times": 六度 = 6 times), measure words refined by the
 *   noun after them (100多枚弹道飞弹 -> more than 100 "missiles"; 1万名士兵 -> 10,000 "troops").
 *   A number written in Chinese characters counts only with a unit (so 十分 "very", 统一 "unify",
 *   一些 "some" are not quantities); a number in Arabic digits counts without one (unit "count").
 * - English: [approximator] [currency sign] number [scale] [unit], where the approximator is nearly,
 *   almost, close to ("nearly"), about, around, roughly, approximately, some ("about"), more than,
 *   over ("more than"), at least, fewer/less than, under ("less than"), up to, as many as ("up to");
 *   "percent"/% give a share; the unit is the first known noun among the next three words ("six
 *   nuclear tests" -> "tests"). A number word (six) counts only with a unit.
 * - Not quantities: years and other parts of dates (left to ./dates.ts), ordinals (第六, sixth), model
 *   names (B-2, Hwasong-20, F-35: digits joined to letters), clock times.
 */
import { chineseOrArabic, parseEnglishNumber, round, ZH_NUMERAL_CHARS } from './numbers';
import type { WordBoundaries } from './segment';
import type { Offsets, Quantity, QuantityApprox } from './types';

export interface QuantityDoc {
  text: string;
  norm: string;
  sentences: readonly Offsets[];
  chinese: boolean;
  words: WordBoundaries;
  /** Spans taken by dates (numbers inside them are not quantities). */
  dateSpans: readonly Offsets[];
}

const ZH_APPROX_BEFORE: [string, QuantityApprox][] = [
  ['将近', 'nearly'], ['接近', 'nearly'], ['近', 'nearly'], ['几乎', 'nearly'],
  ['大约', 'about'], ['约为', 'about'], ['约达', 'about'], ['约', 'about'], ['大概', 'about'],
  ['超过', 'more than'], ['多于', 'more than'], ['逾', 'more than'], ['超出', 'more than'],
  ['不到', 'less than'], ['不足', 'less than'], ['少于', 'less than'], ['未满', 'less than'], ['低于', 'less than'],
  ['至少', 'at least'], ['最少', 'at least'],
  ['最多', 'at most'], ['至多', 'at most'],
  ['高达', 'up to'], ['多达', 'up to'],
];
const ZH_APPROX_AFTER: [string, QuantityApprox][] = [['左右', 'about'], ['上下', 'about'], ['以上', 'more than'], ['以下', 'at most'], ['之多', 'up to']];

/** Currency words (Simplified) -> ISO code. Longest first. */
const ZH_CURRENCIES: [string, string][] = [
  ['元人民币', 'CNY'], ['人民币', 'CNY'], ['美元', 'USD'], ['美金', 'USD'], ['韩元', 'KRW'], ['韩圜', 'KRW'], ['日元', 'JPY'], ['日圆', 'JPY'],
  ['欧元', 'EUR'], ['卢布', 'RUB'], ['新台币', 'TWD'], ['台币', 'TWD'], ['英镑', 'GBP'], ['朝鲜元', 'KPW'], ['北韩元', 'KPW'],
];

/** Nouns (Simplified) -> unit. Longest first where they share a prefix. */
const ZH_NOUNS: [string, string][] = [
  ['洲际弹道飞弹', 'missiles'], ['洲际弹道导弹', 'missiles'], ['弹道飞弹', 'missiles'], ['弹道导弹', 'missiles'], ['巡航飞弹', 'missiles'], ['巡航导弹', 'missiles'],
  ['飞弹', 'missiles'], ['导弹', 'missiles'], ['火箭弹', 'rockets'], ['火箭', 'rockets'], ['核弹头', 'warheads'], ['弹头', 'warheads'], ['核弹', 'nuclear weapons'], ['核武器', 'nuclear weapons'], ['核武', 'nuclear weapons'],
  ['炮弹', 'shells'], ['砲弹', 'shells'], ['弹药', 'rounds'], ['士兵', 'troops'], ['军人', 'troops'], ['兵力', 'troops'], ['部队', 'troops'], ['官兵', 'troops'], ['军队', 'troops'], ['兵', 'troops'],
  ['无人机', 'drones'], ['战机', 'aircraft'], ['战斗机', 'aircraft'], ['轰炸机', 'aircraft'], ['飞机', 'aircraft'], ['潜艇', 'submarines'], ['潜舰', 'submarines'], ['军舰', 'ships'], ['舰艇', 'ships'], ['船', 'ships'],
  ['坦克', 'tanks'], ['战车', 'tanks'], ['卫星', 'satellites'], ['核试', 'nuclear tests'], ['核试验', 'nuclear tests'], ['核子试验', 'nuclear tests'],
  ['脱北者', 'people'], ['难民', 'people'], ['民众', 'people'], ['平民', 'people'], ['人', 'people'], ['国家', 'states'],
  ['桶', 'barrels'], ['公吨', 'tonnes'], ['吨', 'tonnes'], ['平方公里', 'km2'], ['公里', 'km'], ['千米', 'km'], ['公尺', 'm'], ['海里', 'nautical miles'],
];

/** Measure words (Simplified) -> default unit when no noun follows. */
const ZH_MEASURES: [string, string][] = [
  ['个百分点', 'percentage points'], ['个月', 'months'], ['个国家', 'states'], ['度', 'times'], ['次', 'times'], ['倍', 'times'], ['轮', 'rounds'],
  ['名', 'people'], ['位', 'people'], ['枚', 'count'], ['发', 'rounds'], ['颗', 'count'], ['架', 'aircraft'], ['艘', 'ships'], ['辆', 'vehicles'], ['门', 'guns'],
  ['座', 'facilities'], ['处', 'sites'], ['项', 'items'], ['个', 'count'], ['家', 'companies'], ['条', 'count'], ['份', 'count'],
  ['天', 'days'], ['周', 'weeks'], ['小时', 'hours'], ['分钟', 'minutes'], ['年', 'years'],
];

const ZH_NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?[万亿兆千百]*|[${ZH_NUMERAL_CHARS}]+`;
const ZH_RE = new RegExp(`百分之(${ZH_NUM})|(${ZH_NUM})`, 'g');

function startsWithAny<T>(text: string, at: number, list: readonly [string, T][]): [string, T] | undefined {
  for (const entry of list) if (text.startsWith(entry[0], at)) return entry;
  return undefined;
}

function endsWithAny<T>(text: string, at: number, list: readonly [string, T][]): [string, T] | undefined {
  for (const entry of list) if (at - entry[0].length >= 0 && text.startsWith(entry[0], at - entry[0].length)) return entry;
  return undefined;
}

function overlaps(spans: readonly Offsets[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

export function findQuantities(doc: QuantityDoc): Quantity[] {
  return doc.chinese ? chineseQuantities(doc) : englishQuantities(doc);
}

function chineseQuantities(doc: QuantityDoc): Quantity[] {
  const { norm, text } = doc;
  const out: Quantity[] = [];
  for (const sentence of doc.sentences) {
    ZH_RE.lastIndex = sentence.start;
    const slice = norm.slice(0, sentence.end);
    let m: RegExpExecArray | null;
    while ((m = ZH_RE.exec(slice))) {
      const percentWord = m[1] !== undefined;
      const numText = m[1] ?? m[2]!;
      let start = m.index;
      const numStart = start + (percentWord ? 3 : 0);
      let end = numStart + numText.length;
      const arabic = /^\d/.test(numText);
      // Not a quantity: digits joined to letters or hyphens (B-2, F-35), ordinals (第六), clock times.
      const before = norm[start - 1] ?? '';
      if (arabic && (/[A-Za-z\-_/:.]/.test(before) || /[A-Za-z]/.test(norm[end] ?? ''))) continue;
      if (before === '第') continue;
      if (overlaps(doc.dateSpans, start, end)) continue;
      let value = chineseOrArabic(numText);
      if (value === undefined) continue;
      let unit: string | undefined;
      let approx: QuantityApprox | null = null;
      if (percentWord) unit = 'share';
      // 100多, 1万余: "more than".
      if (norm[end] === '多' || norm[end] === '余') {
        approx = 'more than';
        end++;
      }
      if (!percentWord) {
        if (norm[end] === '%' || norm[end] === '％') {
          unit = 'share';
          end++;
        } else if (norm[end] === '成' && value <= 10) {
          unit = 'share';
          value = value / 10;
          end++;
        } else {
          const currency = startsWithAny(norm, end, ZH_CURRENCIES);
          if (currency) {
            unit = currency[1];
            end += currency[0].length;
          } else {
            const measure = startsWithAny(norm, end, ZH_MEASURES);
            if (measure) {
              // 年 after a year-like number is a date, handled elsewhere; 年 after a count is a duration.
              if (measure[0] === '年' && (value >= 1000 || /^[前后来底初中]/.test(norm[end + 1] ?? ''))) continue;
              unit = measure[1];
              end += measure[0].length;
              if (!['times', 'percentage points', 'months', 'days', 'weeks', 'hours', 'minutes', 'years'].includes(unit)) {
                const noun = nounAfter(norm, end);
                if (noun) {
                  unit = noun[1];
                  end = noun[2];
                }
              }
            } else {
              const noun = startsWithAny(norm, end, ZH_NOUNS);
              if (noun) {
                unit = noun[1];
                end += noun[0].length;
              }
            }
          }
        }
      } else {
        value = value / 100;
      }
      if (unit === undefined) {
        if (!arabic) continue; // 十分, 一些: a Chinese numeral needs a unit
        if (value >= 1000 && value <= 2100 && Number.isInteger(value) && !/[万亿]/.test(numText)) continue; // a bare year
        unit = 'count';
      }
      if (!arabic && !doc.words.isBoundary(numStart) && !(numStart > 0 && /[\p{P}\s\d]/u.test(norm[numStart - 1]!))) {
        // A numeral inside a longer word (统一, 唯一) is not a number.
        const approxBefore = endsWithAny(norm, numStart, ZH_APPROX_BEFORE);
        if (!approxBefore) continue;
      }
      if (!arabic && numText === '一' && !/[万亿千百]/.test(numText) && unit !== 'share') continue; // 一名官员 "an official"
      if (approx === null) {
        const pre = endsWithAny(norm, start, ZH_APPROX_BEFORE);
        if (pre) {
          approx = pre[1];
          start -= pre[0].length;
        }
      }
      const post = startsWithAny(norm, end, ZH_APPROX_AFTER);
      if (post && approx === null) {
        approx = post[1];
        end += post[0].length;
      }
      out.push({ text: text.slice(start, end), start, end, value: round(value), unit, approx });
      ZH_RE.lastIndex = Math.max(ZH_RE.lastIndex, end);
    }
  }
  return out;
}

/** A unit noun within two characters after a measure word (100多枚弹道飞弹, 2万名士兵). */
function nounAfter(norm: string, at: number): [string, string, number] | undefined {
  for (let skip = 0; skip <= 2; skip++) {
    const noun = startsWithAny(norm, at + skip, ZH_NOUNS);
    if (noun) return [noun[0], noun[1], at + skip + noun[0].length];
    if (/[，,。、；;\s]/.test(norm[at + skip] ?? '')) break;
  }
  return undefined;
}

const EN_APPROX: [RegExp, QuantityApprox][] = [
  [/(?:nearly|almost|close to|just under)\s+$/i, 'nearly'],
  [/(?:about|around|roughly|approximately|some|an estimated|estimated)\s+$/i, 'about'],
  [/(?:more than|over|upwards of|in excess of|above)\s+$/i, 'more than'],
  [/(?:at least|no fewer than|no less than)\s+$/i, 'at least'],
  [/(?:fewer than|less than|under|below)\s+$/i, 'less than'],
  [/(?:up to|as many as|as much as)\s+$/i, 'up to'],
  [/(?:at most|no more than)\s+$/i, 'at most'],
];

const EN_CURRENCY_SIGNS: [RegExp, string][] = [
  [/(?:US\$|U\.S\.\s?\$|\$|USD\s?)$/, 'USD'],
  [/(?:₩|KRW\s?)$/, 'KRW'],
  [/(?:€|EUR\s?)$/, 'EUR'],
  [/(?:£|GBP\s?)$/, 'GBP'],
  [/(?:¥|CNY\s?|RMB\s?)$/, 'CNY'],
];

const EN_UNITS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', won: 'KRW', yuan: 'CNY', renminbi: 'CNY', yen: 'JPY', euro: 'EUR', euros: 'EUR', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  percent: 'share', 'per cent': 'share', times: 'times', time: 'times', fold: 'times',
  troops: 'troops', soldiers: 'troops', servicemen: 'troops', personnel: 'troops', forces: 'troops',
  missiles: 'missiles', missile: 'missiles', icbms: 'missiles', rockets: 'rockets', rocket: 'rockets', shells: 'shells', rounds: 'rounds', warheads: 'warheads', bombs: 'bombs',
  tests: 'tests', test: 'tests', launches: 'launches', people: 'people', persons: 'people', civilians: 'people', refugees: 'people', defectors: 'people', workers: 'people',
  countries: 'states', states: 'states', nations: 'states', members: 'members', drones: 'drones', aircraft: 'aircraft', jets: 'aircraft', planes: 'aircraft', bombers: 'aircraft', fighters: 'aircraft',
  ships: 'ships', vessels: 'ships', submarines: 'submarines', tanks: 'tanks', satellites: 'satellites', sites: 'sites', facilities: 'facilities',
  barrels: 'barrels', tonnes: 'tonnes', tons: 'tonnes', kilometres: 'km', kilometers: 'km', km: 'km', miles: 'miles', metres: 'm', meters: 'm',
  days: 'days', weeks: 'weeks', months: 'months', years: 'years', hours: 'hours', minutes: 'minutes', kilotons: 'kt', kilotonnes: 'kt', kt: 'kt', megatons: 'Mt',
  'percentage points': 'percentage points',
};

const EN_NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:thousand|million|billion|trillion|bn|mn)\b)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens of|a hundred|hundreds of|a thousand|thousands of)(?:\s+(?:hundred|thousand|million|billion))*\b`;
const EN_RE = new RegExp(`(?<![\\w\\-./:])(${EN_NUMBER})(?![\\w\\-])(?:(%)|\\s?(per ?cent|percentage points)\\b)?`, 'gi');
const SKIP_WORDS = new Set(['of', 'the', 'a', 'an', 'new', 'more', 'additional', 'other', 'north', 'south', 'korean', 'russian', 'chinese', 'american', 'us', 'u.s.', 'nuclear', 'ballistic', 'cruise', 'long-range', 'short-range', 'intercontinental', 'hypersonic', 'artillery', 'military', 'active', 'combat', 'air', 'annual', 'underground', 'former', 'joint', 'its', 'their', 'his', 'her']);

function englishQuantities(doc: QuantityDoc): Quantity[] {
  const { norm, text } = doc;
  const out: Quantity[] = [];
  for (const sentence of doc.sentences) {
    const slice = norm.slice(0, sentence.end);
    EN_RE.lastIndex = sentence.start;
    let m: RegExpExecArray | null;
    while ((m = EN_RE.exec(slice))) {
      let start = m.index;
      let end = m.index + m[0].length;
      const numText = m[1]!;
      if (overlaps(doc.dateSpans, start, end)) continue;
      if (/^\d/.test(numText) && /[A-Za-z]-?$/.test(norm.slice(Math.max(0, start - 2), start))) continue;
      const wordNumber = !/^\d/.test(numText);
      const lower = numText.toLowerCase();
      let value = parseEnglishNumber(lower.replace(/^(dozens|hundreds|thousands) of$/, '$1').replace(/ of$/, ''));
      if (lower.endsWith(' of')) value = parseEnglishNumber(lower.split(' ')[0]!.replace(/s$/, '')) ?? undefined;
      if (value === undefined) continue;
      let unit: string | undefined;
      let approx: QuantityApprox | null = /^(dozens|hundreds|thousands) of$/i.test(numText) ? 'more than' : null;
      if (m[2] || m[3]) {
        unit = m[3]?.toLowerCase().startsWith('percentage') ? 'percentage points' : 'share';
        if (unit === 'share') value = value / 100;
      }
      const currency = EN_CURRENCY_SIGNS.find(([re]) => re.test(norm.slice(Math.max(sentence.start, start - 6), start)));
      if (currency && unit === undefined) {
        unit = currency[1];
        start -= currency[0].exec(norm.slice(Math.max(sentence.start, start - 6), start))![0].length;
        const scale = /^\s?(m|k)\b/.exec(norm.slice(end, end + 3));
        if (scale) {
          value *= scale[1] === 'm' ? 1e6 : 1e3;
          end += scale[0].length;
        }
      }
      if (unit === undefined) {
        // The first known unit noun among the next three words.
        const after = /^((?:\s+[A-Za-z][\w'-]*){1,4})/.exec(norm.slice(end, Math.min(sentence.end, end + 60)));
        if (after) {
          const words = [...after[1]!.matchAll(/\s+([A-Za-z][\w'-]*)/g)];
          let offset = end;
          for (let w = 0; w < words.length && w < 4; w++) {
            const word = words[w]![1]!;
            const wEnd = offset + words[w]![0].length;
            const key = word.toLowerCase();
            const two = w + 1 < words.length ? `${key} ${words[w + 1]![1]!.toLowerCase()}` : '';
            if (two && EN_UNITS[two]) {
              unit = EN_UNITS[two];
              end = wEnd + words[w + 1]![0].length;
              break;
            }
            if (EN_UNITS[key]) {
              unit = EN_UNITS[key];
              end = wEnd;
              break;
            }
            if (!SKIP_WORDS.has(key)) break;
            offset = wEnd;
          }
        }
      }
      if (unit === undefined) {
        if (wordNumber) continue;
        if (Number.isInteger(value) && value >= 1800 && value <= 2100 && !/[,.]/.test(numText)) continue; // a year
        unit = 'count';
      }
      if (unit === 'times' && wordNumber === false && value > 1000) continue;
      const pre = EN_APPROX.find(([re]) => re.test(norm.slice(Math.max(sentence.start, start - 25), start)));
      if (pre && approx === null) {
        approx = pre[1];
        start -= pre[0].exec(norm.slice(Math.max(sentence.start, start - 25), start))![0].length;
      }
      out.push({ text: text.slice(start, end), start, end, value: round(value), unit, approx });
      EN_RE.lastIndex = Math.max(EN_RE.lastIndex, end);
    }
  }
  return out;
}
