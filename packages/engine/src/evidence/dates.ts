/**
 * Dates: absolute dates and relative dates resolved against the article's date, with the interval the
 * text allows.
 *
 * Every date is an interval [earliest, latest] of ISO days; its `value` is the ISO date at the
 * precision both ends share (a day, a month, a year): 2018年 -> "2018" [2018-01-01, 2018-12-31];
 * 2025年10月底 -> "2025-10" [2025-10-21, 2025-10-31]; 日前 on 2025-09-01 -> "2025-08"
 * [2025-08-22, 2025-08-31]; 7年前 on 2025-09-01 -> "2018" [2018-01-01, 2018-12-31].
 *
 * Rules (docs/evidence.md, "Dates"):
 * - Chinese: YYYY年M月D日, YYYY年M月, YYYY年 (and Chinese numerals in them), M月D日 and M月 in the
 *   article's year (the year before when that puts a date more than 6 months after the article),
 *   parts 初 (days 1-10 / Jan-Apr), 中 (11-20 / May-Aug), 底/末 (21-end / Sep-Dec), 上旬/中旬/下旬,
 *   上半年/下半年; 今年/去年/明年/前年; 隔年/翌年/次年 (the year after the last year named before it,
 *   else after the article's); 本月/上月/下月; 今天/昨天/前天/明天; 日前 (1 to 10 days before);
 *   近日 (within the 14 days before); 上周/本周/下周 (Monday to Sunday); 近年 (the 5 years before);
 *   N年前/N个月前/N周前/N天前 (N in digits or numerals; "几"/"数" = 2 to 9), N年后 and so on.
 * - English: "June 12, 2018", "12 June 2018", "June 2018", "June 12" (article's year), early/mid/late
 *   + month or year, "in 2018" (a bare year needs in/since/by/until/from/during/before/after/of/the/
 *   early/mid/late before it), "the 1990s", yesterday/today/tomorrow, last/this/next week|month|year,
 *   earlier/later this week|month|year, "N days|weeks|months|years ago", and weekdays (on Tuesday:
 *   the most recent Tuesday before the article's date, or that date itself).
 * - ISO dates (2025-09-01) and 2025/9/1 in either language.
 * The date header itself is not reported.
 */
import { parseChineseNumeral, parseEnglishNumber } from './numbers';
import type { DateMention, Offsets } from './types';
import { daysInMonth } from './article';

export interface DateDoc {
  text: string;
  norm: string;
  sentences: readonly Offsets[];
  chinese: boolean;
  /** The article's date, YYYY-MM-DD. */
  date: string;
}

interface Interval {
  from: string;
  to: string;
  precision: DateMention['precision'];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function addMonths(day: string, n: number): [number, number] {
  const [y, m] = parts(day);
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12) + 1];
}

function weekday(day: string): number {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 Sunday
}

function yearInterval(y: number, part?: string): Interval {
  switch (part) {
    case '初':
    case 'early':
      return { from: iso(y, 1, 1), to: iso(y, 4, 30), precision: 'year' };
    case '中':
    case 'mid':
      return { from: iso(y, 5, 1), to: iso(y, 8, 31), precision: 'year' };
    case '底':
    case '末':
    case 'late':
      return { from: iso(y, 9, 1), to: iso(y, 12, 31), precision: 'year' };
    case '上半年':
      return { from: iso(y, 1, 1), to: iso(y, 6, 30), precision: 'year' };
    case '下半年':
      return { from: iso(y, 7, 1), to: iso(y, 12, 31), precision: 'year' };
    default:
      return { from: iso(y, 1, 1), to: iso(y, 12, 31), precision: 'year' };
  }
}

function monthInterval(y: number, m: number, part?: string): Interval | undefined {
  if (m < 1 || m > 12) return undefined;
  const last = daysInMonth(y, m);
  switch (part) {
    case '初':
    case '上旬':
    case 'early':
      return { from: iso(y, m, 1), to: iso(y, m, 10), precision: 'month' };
    case '中':
    case '中旬':
    case 'mid':
      return { from: iso(y, m, 11), to: iso(y, m, 20), precision: 'month' };
    case '底':
    case '末':
    case '下旬':
    case 'late':
      return { from: iso(y, m, 21), to: iso(y, m, last), precision: 'month' };
    default:
      return { from: iso(y, m, 1), to: iso(y, m, last), precision: 'month' };
  }
}

function dayInterval(y: number, m: number, d: number): Interval | undefined {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  const day = iso(y, m, d);
  return { from: day, to: day, precision: 'day' };
}

/** The ISO value both ends of an interval share, at day, month or year precision. */
export function intervalValue(from: string, to: string): { value: string; precision: DateMention['precision'] } {
  if (from === to) return { value: from, precision: 'day' };
  if (from.slice(0, 7) === to.slice(0, 7)) return { value: from.slice(0, 7), precision: 'month' };
  if (from.slice(0, 4) === to.slice(0, 4)) return { value: from.slice(0, 4), precision: 'year' };
  if (from.slice(0, 3) === to.slice(0, 3) && from.endsWith('0-01-01') && to.endsWith('9-12-31')) return { value: `${from.slice(0, 3)}0s`, precision: 'decade' };
  return { value: from.slice(0, 4), precision: 'year' };
}

/** A month-day without a year: the article's year, or the year before when that is > 6 months ahead. */
function yearForMonth(date: string, month: number): number {
  const [y, m] = parts(date);
  return month - m > 6 ? y - 1 : y;
}

function num(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^[几数]$/.test(text)) return undefined;
  return parseChineseNumeral(text);
}

const ZH_N = '\\d{1,2}|[一二三四五六七八九十两]{1,3}';
const ZH_YEAR = '\\d{4}|[〇零一二三四五六七八九]{4}';
const ZH_RULES: { re: RegExp; resolve: (m: RegExpExecArray, ctx: Context) => Interval | undefined }[] = [
  {
    re: /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/y,
    resolve: (m) => dayInterval(Number(m[1] ?? m[4]), Number(m[2] ?? m[5]), Number(m[3] ?? m[6])),
  },
  {
    re: new RegExp(`(${ZH_YEAR})年(${ZH_N})月(${ZH_N})[日号]`, 'y'),
    resolve: (m, ctx) => ctx.year(yearOf(m[1]!), (y) => dayInterval(y, num(m[2]!) ?? 0, num(m[3]!) ?? 0)),
  },
  {
    re: new RegExp(`(${ZH_YEAR})年(${ZH_N})月(上旬|中旬|下旬|初|中|底|末)?`, 'y'),
    resolve: (m, ctx) => ctx.year(yearOf(m[1]!), (y) => monthInterval(y, num(m[2]!) ?? 0, m[3])),
  },
  {
    re: new RegExp(`(${ZH_YEAR})年代`, 'y'),
    resolve: (m) => {
      const y = yearOf(m[1]!);
      return y === undefined ? undefined : { from: iso(y - (y % 10), 1, 1), to: iso(y - (y % 10) + 9, 12, 31), precision: 'decade' };
    },
  },
  {
    re: new RegExp(`(${ZH_YEAR})年(上半年|下半年|初|中|底|末)?`, 'y'),
    resolve: (m, ctx) => ctx.year(yearOf(m[1]!), (y) => yearInterval(y, m[2])),
  },
  {
    re: new RegExp(`(今年|去年|明年|前年|隔年|翌年|次年)(?:(${ZH_N})月(?:(${ZH_N})[日号]|(上旬|中旬|下旬|初|中|底|末))?|(上半年|下半年|初|中|底|末))?`, 'y'),
    resolve: (m, ctx) => {
      const base = parts(ctx.date)[0];
      const y = { 今年: base, 去年: base - 1, 明年: base + 1, 前年: base - 2, 隔年: (ctx.lastYear ?? base) + 1, 翌年: (ctx.lastYear ?? base) + 1, 次年: (ctx.lastYear ?? base) + 1 }[m[1]!]!;
      return ctx.year(y, (year) => {
        if (m[2] !== undefined) {
          const month = num(m[2]) ?? 0;
          return m[3] !== undefined ? dayInterval(year, month, num(m[3]) ?? 0) : monthInterval(year, month, m[4]);
        }
        return yearInterval(year, m[5]);
      });
    },
  },
  {
    re: /(本月|上个月|上月|下个月|下月)(初|中|底|末|上旬|中旬|下旬)?/y,
    resolve: (m, ctx) => {
      const shift = { 本月: 0, 上个月: -1, 上月: -1, 下个月: 1, 下月: 1 }[m[1]!]!;
      const [y, mo] = addMonths(ctx.date, shift);
      return monthInterval(y, mo, m[2]);
    },
  },
  {
    re: new RegExp(`(${ZH_N})月(${ZH_N})[日号]`, 'y'),
    resolve: (m, ctx) => {
      const month = num(m[1]!) ?? 0;
      return dayInterval(yearForMonth(ctx.date, month), month, num(m[2]!) ?? 0);
    },
  },
  {
    re: new RegExp(`(${ZH_N})月(上旬|中旬|下旬|初|中|底|末)?(?![份])`, 'y'),
    resolve: (m, ctx) => {
      const month = num(m[1]!) ?? 0;
      // A bare 月 after a number is a month only when it is a plausible one (3月, 十月), never 几个月.
      return monthInterval(yearForMonth(ctx.date, month), month, m[2]);
    },
  },
  {
    re: /(\d+|[一二三四五六七八九十两几数]+)(?:个)?(年|月|周|星期|天|日)(前|后|以前|以后|之前|之后)/y,
    resolve: (m, ctx) => {
      const n = num(m[1]!);
      const vague = n === undefined;
      const before = m[3]!.includes('前');
      const sign = before ? -1 : 1;
      const lo = vague ? 2 : n;
      const hi = vague ? 9 : n;
      switch (m[2]) {
        case '年': {
          const y = parts(ctx.date)[0];
          const a = y + sign * lo;
          const b = y + sign * hi;
          return { from: iso(Math.min(a, b), 1, 1), to: iso(Math.max(a, b), 12, 31), precision: 'year' };
        }
        case '月': {
          const [y1, m1] = addMonths(ctx.date, sign * lo);
          const [y2, m2] = addMonths(ctx.date, sign * hi);
          const [a, b] = sign < 0 ? [[y2, m2], [y1, m1]] : [[y1, m1], [y2, m2]];
          return { from: iso(a[0]!, a[1]!, 1), to: iso(b[0]!, b[1]!, daysInMonth(b[0]!, b[1]!)), precision: 'month' };
        }
        case '周':
        case '星期': {
          const a = addDays(ctx.date, sign * 7 * hi);
          const b = addDays(ctx.date, sign * 7 * lo);
          return sign < 0 ? { from: addDays(a, -3), to: addDays(b, 3), precision: 'day' } : { from: addDays(b, -3), to: addDays(a, 3), precision: 'day' };
        }
        default: {
          const a = addDays(ctx.date, sign * hi);
          const b = addDays(ctx.date, sign * lo);
          return sign < 0 ? { from: a, to: b, precision: 'day' } : { from: b, to: a, precision: 'day' };
        }
      }
    },
  },
  {
    re: /(日前|近日|今天|今日|昨天|昨日|前天|明天|明日|上周|上星期|本周|这周|下周|下星期|近年来|近几年|近年)/y,
    resolve: (m, ctx) => {
      const d = ctx.date;
      switch (m[1]) {
        case '日前':
          return { from: addDays(d, -10), to: addDays(d, -1), precision: 'day' };
        case '近日':
          return { from: addDays(d, -14), to: d, precision: 'day' };
        case '今天':
        case '今日':
          return { from: d, to: d, precision: 'day' };
        case '昨天':
        case '昨日':
          return { from: addDays(d, -1), to: addDays(d, -1), precision: 'day' };
        case '前天':
          return { from: addDays(d, -2), to: addDays(d, -2), precision: 'day' };
        case '明天':
        case '明日':
          return { from: addDays(d, 1), to: addDays(d, 1), precision: 'day' };
        case '近年来':
        case '近几年':
        case '近年': {
          const y = parts(d)[0];
          return { from: iso(y - 5, 1, 1), to: d, precision: 'year' };
        }
        default: {
          const shift = /上/.test(m[1]!) ? -7 : /下/.test(m[1]!) ? 7 : 0;
          const monday = addDays(d, -((weekday(d) + 6) % 7) + shift);
          return { from: monday, to: addDays(monday, 6), precision: 'day' };
        }
      }
    },
  },
];

function yearOf(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  const digits = [...text].map((c) => '〇零一二三四五六七八九'.indexOf(c)).map((i) => (i <= 1 ? 0 : i - 1));
  return digits.length === 4 ? Number(digits.join('')) : undefined;
}

interface Context {
  date: string;
  lastYear: number | undefined;
  year(y: number | undefined, f: (y: number) => Interval | undefined): Interval | undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const monthNumber = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const EN_RULES: { re: RegExp; resolve: (m: RegExpExecArray, ctx: Context) => Interval | undefined }[] = [
  {
    re: /(\d{4})-(\d{2})-(\d{2})(?!\d)/y,
    resolve: (m) => dayInterval(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    re: new RegExp(`${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'y'),
    resolve: (m) => dayInterval(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
  },
  {
    re: new RegExp(`(\\d{1,2}) ${MONTH_RE},? (\\d{4})\\b`, 'y'),
    resolve: (m) => dayInterval(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
  },
  {
    re: new RegExp(`(?:(early|mid|late)[- ])?${MONTH_RE},? (\\d{4})\\b`, 'y'),
    resolve: (m, ctx) => ctx.year(Number(m[3]), (y) => monthInterval(y, monthNumber(m[2]!), m[1]?.toLowerCase())),
  },
  {
    re: new RegExp(`${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d)`, 'y'),
    resolve: (m, ctx) => {
      const month = monthNumber(m[1]!);
      return dayInterval(yearForMonth(ctx.date, month), month, Number(m[2]));
    },
  },
  {
    re: /(?:(early|mid|late)[- ])(\d{4})\b/y,
    resolve: (m, ctx) => ctx.year(Number(m[2]), (y) => yearInterval(y, m[1]!.toLowerCase())),
  },
  {
    re: /the (\d{3})0s\b/y,
    resolve: (m) => ({ from: iso(Number(m[1]) * 10, 1, 1), to: iso(Number(m[1]) * 10 + 9, 12, 31), precision: 'decade' }),
  },
  {
    re: /(?<=\b(?:in|since|by|until|till|from|during|before|after|of|the|early|mid|late|to|between|and)\s)(1[89]\d\d|20\d\d)\b(?![-–]\d)/y,
    resolve: (m, ctx) => ctx.year(Number(m[1]), (y) => yearInterval(y)),
  },
  {
    re: /(?:(early|late) )?(?:(last|this|next|earlier this|later this) (week|month|year))\b/iy,
    resolve: (m, ctx) => {
      const which = m[2]!.toLowerCase();
      const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      const d = ctx.date;
      if (m[3]!.toLowerCase() === 'year') {
        const y = parts(d)[0] + shift;
        if (which === 'earlier this') return { from: iso(y, 1, 1), to: d, precision: 'year' };
        if (which === 'later this') return { from: d, to: iso(y, 12, 31), precision: 'year' };
        return yearInterval(y, m[1]?.toLowerCase());
      }
      if (m[3]!.toLowerCase() === 'month') {
        const [y, mo] = addMonths(d, shift);
        if (which === 'earlier this') return { from: iso(y, mo, 1), to: d, precision: 'month' };
        if (which === 'later this') return { from: d, to: iso(y, mo, daysInMonth(y, mo)), precision: 'month' };
        return monthInterval(y, mo, m[1]?.toLowerCase());
      }
      const monday = addDays(d, -((weekday(d) + 6) % 7) + 7 * shift);
      if (which === 'earlier this') return { from: monday, to: d, precision: 'day' };
      return { from: monday, to: addDays(monday, 6), precision: 'day' };
    },
  },
  {
    re: /(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few) (day|week|month|year)s? ago\b/iy,
    resolve: (m, ctx) => {
      const word = m[1]!.toLowerCase();
      const vague = word === 'several' || word === 'a few';
      const n = vague ? undefined : /^\d+$/.test(word) ? Number(word) : word === 'a' ? 1 : parseEnglishNumber(word);
      const lo = n ?? (word === 'a few' ? 2 : 3);
      const hi = n ?? (word === 'a few' ? 4 : 9);
      const d = ctx.date;
      switch (m[2]!.toLowerCase()) {
        case 'year': {
          const y = parts(d)[0];
          return { from: iso(y - hi, 1, 1), to: iso(y - lo, 12, 31), precision: 'year' };
        }
        case 'month': {
          const [y1, m1] = addMonths(d, -hi);
          const [y2, m2] = addMonths(d, -lo);
          return { from: iso(y1, m1, 1), to: iso(y2, m2, daysInMonth(y2, m2)), precision: 'month' };
        }
        case 'week':
          return { from: addDays(d, -7 * hi - 3), to: addDays(d, -7 * lo + 3), precision: 'day' };
        default:
          return { from: addDays(d, -hi), to: addDays(d, -lo), precision: 'day' };
      }
    },
  },
  {
    re: /(yesterday|today|tomorrow)\b/iy,
    resolve: (m, ctx) => {
      const shift = { yesterday: -1, today: 0, tomorrow: 1 }[m[1]!.toLowerCase() as 'today']!;
      const day = addDays(ctx.date, shift);
      return { from: day, to: day, precision: 'day' };
    },
  },
  {
    re: /(?:(last|next|on|this) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/y,
    resolve: (m, ctx) => {
      const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const today = weekday(ctx.date);
      if (m[1] === 'next') return { from: addDays(ctx.date, ((target - today + 7) % 7) || 7), to: addDays(ctx.date, ((target - today + 7) % 7) || 7), precision: 'day' };
      const back = (today - target + 7) % 7;
      const day = addDays(ctx.date, -(m[1] === 'last' && back === 0 ? 7 : back));
      return { from: day, to: day, precision: 'day' };
    },
  },
];

export function findDates(doc: DateDoc): DateMention[] {
  const out: DateMention[] = [];
  const ctx: Context = {
    date: doc.date,
    lastYear: undefined,
    year(y, f) {
      if (y === undefined || y < 1000 || y > 2999) return undefined;
      const r = f(y);
      if (r) this.lastYear = y;
      return r;
    },
  };
  const rules = doc.chinese ? ZH_RULES : EN_RULES;
  const { norm, text } = doc;
  const startChar = doc.chinese ? /[\d〇零一二三四五六七八九十两今去明前隔翌次本上下日近昨几数这]/ : /[\dA-Za-z]/;
  for (const sentence of doc.sentences) {
    let i = sentence.start;
    while (i < sentence.end) {
      const ch = norm[i]!;
      if (!startChar.test(ch) || (!doc.chinese && i > 0 && /[A-Za-z0-9]/.test(norm[i - 1]!))) {
        i++;
        continue;
      }
      let matched = false;
      for (const rule of rules) {
        rule.re.lastIndex = i;
        const m = rule.re.exec(norm.slice(0, sentence.end));
        if (!m || m[0].length === 0) continue;
        if (doc.chinese && /\d/.test(ch) && i > 0 && /[\dA-Za-z\-.]/.test(norm[i - 1]!)) break;
        const interval = rule.resolve(m, ctx);
        if (!interval) continue;
        const end = i + m[0].length;
        const { value, precision } = interval.precision === 'decade' ? { value: `${interval.from.slice(0, 3)}0s`, precision: 'decade' as const } : intervalValue(interval.from, interval.to);
        const relative = !/\d{4}|(?:^|[^\d])\d{4}/.test(m[0]) || /前|后|ago/.test(m[0]);
        out.push({ text: text.slice(i, end), start: i, end, value, range: [interval.from, interval.to], relative, precision });
        i = end;
        matched = true;
        break;
      }
      if (!matched) i++;
    }
  }
  return out;
}
