/**
 * Words that scenarios use as codes (event kinds, capability kinds, units) in the interface
 * languages. A code that is not listed shows as written (scenarios may add their own).
 */
import type { Language } from './messages';

const eventKinds: Record<string, string> = {
  'nuclear-test': '核試',
  'missile-test': '飛彈試射',
  law: '立法',
  summit: '峰會',
  statement: '聲明',
  exercise: '演習',
  treaty: '條約',
  strike: '打擊',
  election: '選舉',
  report: '報告',
  diplomacy: '外交',
  military: '軍事',
  agreement: '協議',
  'domestic-crisis': '國內危機',
  visit: '訪問',
  sanctions: '制裁',
  talks: '會談',
  inauguration: '就職',
};

const units: Record<string, string> = {
  USD: '美元',
  share: '比例',
  kt: '千噸',
  missiles: '枚飛彈',
  'missiles (lower bound)': '枚飛彈（下限）',
  'nuclear tests': '次核試',
  tests: '次試驗',
  troops: '名士兵',
  'launch days': '個發射日',
  'barrels per year': '桶／年',
  count: '個',
};

function lookup(table: Record<string, string>, code: string, lang: Language): string {
  return lang === 'zh-Hant' ? (table[code] ?? code) : code;
}

export function eventKindName(kind: string, lang: Language): string {
  return lookup(eventKinds, kind, lang);
}

export function unitName(unit: string, lang: Language): string {
  return lookup(units, unit, lang);
}
