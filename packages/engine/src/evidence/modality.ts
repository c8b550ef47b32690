/**
 * Modality of a coded event: reported past, ongoing, intended, future, hypothetical or negated; and
 * CAMEO's rule for acts reported in the future tense.
 *
 * Sources: PLOVER's auxiliary modes (historical, future, hypothetical, negation; Halterman et al. 2023,
 * PLOVER manual draft 0.8) for the categories; CAMEO 1.1b3 (Schrodt 2012), usage notes of codes 030
 * and 130: "All cooperative actions reported in future tense are ... coded under [03]"; "When any
 * conflictual behavior is forecasted using future tense, it is treated as a 'threat' (e.g. 'will
 * attack' is coded as 'Threaten to attack')".
 *
 * Rules (the words are cues found between the event's source and its trigger, in its clause; the first
 * category that has a cue wins, in this order):
 * 1. negated: zh 不 (not 不断, 不仅, 不但, 不过, 不少, 不久), 未, 没有, 没, 并未, 从未, 尚未, 无法, 不会;
 *    en not, n't, never, no longer, failed to.
 * 2. hypothetical: zh 可能, 或将, 或许, 也许, 若, 如果, 假如, 倘若, 一旦, 要是, 恐, 可, 不是…就是,
 *    风险 (a cost or risk construction: 付出…代价); en would, could, might, may, if, unless, possibly.
 * 3. intended: zh 希望, 计划, 准备, 打算, 拟, 意图, 试图, 企图, 寻求, 愿意, 矢言, 誓言, 决心, 想, 有意;
 *    en plan(s) to, intend(s) to, aim(s) to, seek(s) to, want(s) to, hope(s) to, vow(ed) to, pledge(d) to,
 *    promise(d) to, offer(ed) to, is ready/willing/prepared to, decided to, is determined to.
 * 4. future: zh 将, 将会, 会, 预计, 即将, 将要, 明年, 下月; en will, shall, 'll, is going to, is expected
 *    to, is set to, is due to, is scheduled to, is to.
 * 5. ongoing: zh 正在, 持续, 不断, 仍在, 继续, 日益; en a be-form + -ing trigger, continue(s) to, keep(s).
 * 6. past (reported): everything else.
 * The future rule then maps future and intended cooperation (roots 04-08) to root 03 and future and
 * intended force (roots 14-20) and sanctions (16) to root 13, keeping the modality.
 */
import type { Modality } from './types';

const ZH_NEGATION = ['并未', '从未', '尚未', '没有', '无法', '不会', '未', '没', '不'];
const ZH_NOT_NEGATION = ['不断', '不仅', '不但', '不过', '不少', '不久', '不同', '不论', '不管', '不安', '不稳', '不再是', '不是'];
const ZH_HYPOTHETICAL = ['可能', '或将', '或许', '也许', '如果', '假如', '倘若', '一旦', '要是', '若', '恐', '可', '风险', '否则', '除非'];
const ZH_INTENDED = ['承诺', '保证', '主张', '希望', '计划', '准备', '打算', '意图', '试图', '企图', '寻求', '愿意', '矢言', '誓言', '决心', '有意', '想', '拟', '欲'];
const ZH_FUTURE = ['将会', '将要', '即将', '预计', '将', '会', '明年', '下月', '下个月'];
const ZH_ONGOING = ['正在', '持续', '不断', '仍在', '继续', '日益', '正'];

/** Modality of a Chinese event from the normalised text between its source (or clause start) and its trigger. */
export function chineseModality(before: string, after = ''): Modality {
  const has = (list: string[]) => list.some((w) => before.includes(w));
  // Negation must touch the verb group: at most two characters (an auxiliary) between it and the trigger.
  const tail = before.slice(-4);
  for (const w of ZH_NEGATION) {
    const at = tail.lastIndexOf(w);
    if (at < 0) continue;
    if (ZH_NOT_NEGATION.some((n) => tail.startsWith(n, at))) continue;
    if (tail.length - (at + w.length) <= 2) return 'negated';
  }
  if (has(ZH_HYPOTHETICAL) || /付出.{0,6}代价|代价/.test(after)) return 'hypothetical';
  if (has(ZH_INTENDED)) return 'intended';
  if (has(ZH_FUTURE)) return 'future';
  if (has(ZH_ONGOING)) return 'ongoing';
  return 'past';
}

const EN_NEGATION = /\b(not|never|no longer|failed to|fail to)\b/;
const EN_HYPOTHETICAL = /\b(would|could|might|may|if|unless|possibly|perhaps)\b/;
const EN_INTENDED = /\b(plans?|planned|planning|intends?|intended|aims?|aimed|seeks?|sought|wants?|wanted|hopes?|hoped|vow(?:s|ed)?|pledge[sd]?|promise[sd]?|offer(?:s|ed)?|ready|willing|prepared|decided|determined|agree[sd]?)\s+to\b/;
const EN_FUTURE = /\b(will|shall|'ll|going to|expected to|set to|due to|scheduled to|is to|are to)\b/;
const EN_ONGOING = /\b(continues? to|continued to|keeps?|kept)\b/;

/** Modality of an English event from the words between its source and its trigger. */
export function englishModality(before: string, trigger: string, beforeWords: string[]): Modality {
  const b = ` ${before.toLowerCase()} `;
  if (EN_NEGATION.test(b)) return 'negated';
  if (EN_HYPOTHETICAL.test(b)) return 'hypothetical';
  if (EN_INTENDED.test(b)) return 'intended';
  if (EN_FUTURE.test(b)) return 'future';
  const last = beforeWords[beforeWords.length - 1];
  if ((/ing$/.test(trigger.split(' ')[0] ?? '') && last !== undefined && ['is', 'are', 'was', 'were', 'been', 'be'].includes(last)) || EN_ONGOING.test(b)) return 'ongoing';
  return 'past';
}

const FUTURE_COOPERATION: Record<string, string> = {
  '040': '036', '041': '036', '042': '036', '043': '036', '044': '036', '045': '039', '046': '036',
  '050': '032', '051': '032', '052': '032', '053': '032', '054': '032', '055': '030', '056': '030', '057': '030',
  '060': '031', '061': '0311', '062': '0312', '063': '0313', '064': '0314',
  '070': '033', '071': '0331', '072': '0332', '073': '0333', '074': '0334', '075': '033',
  '080': '035', '081': '0351', '082': '0352', '083': '034', '084': '0353', '085': '0354', '086': '0355', '087': '0356',
};

const FUTURE_CONFLICT: Record<string, string> = {
  '14': '133', '15': '138', '160': '131', '161': '1313', '162': '1311', '163': '1312', '164': '134', '165': '135', '166': '136',
  '170': '130', '171': '137', '172': '132', '173': '137', '174': '137', '175': '137', '176': '138',
  '18': '1383', '190': '1384', '191': '1381', '192': '1382', '193': '1384', '194': '1384', '195': '1384', '196': '1384', '20': '1385',
};

/** CAMEO's future-tense rule: the code an intended or future act gets (unchanged for other codes). */
export function futureCode(code: string): string {
  const root = code.slice(0, 2);
  const three = code.slice(0, 3);
  if (Number(root) >= 4 && Number(root) <= 8) return FUTURE_COOPERATION[three] ?? FUTURE_COOPERATION[`${root}0`] ?? '030';
  return FUTURE_CONFLICT[three] ?? FUTURE_CONFLICT[root] ?? code;
}

/** CAMEO 12 code for a refused cooperative act (无意改善关系, refused to meet). */
export function refusalCode(code: string): string {
  const root = code.slice(0, 2);
  const three = code.slice(0, 3);
  if (root === '04' || three === '036') return '125';
  if (root === '06' || three === '031') return '121';
  if (root === '07' || three === '033') return '122';
  if (root === '08' || three === '035') return '124';
  return '120';
}
