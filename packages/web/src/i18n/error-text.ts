/**
 * Input errors from the engine (parsers, model checks) keep their `reason` apart from their place
 * (@brink/engine/errors). The engine words reasons in English; this table renders the common ones
 * in Traditional Chinese. A reason no pattern matches is shown as the engine wrote it.
 */
import type { Language } from './messages';

const zhPatterns: [RegExp, string][] = [
  [/^expected (.+), found (.+)$/, '預期 $1，卻讀到 $2'],
  [/^expected (.+), got (.+)$/, '預期 $1，實得 $2'],
  [/^unterminated string$/, '字串沒有結束的引號'],
  [/^unexpected character (.+)$/, '非預期的字元 $1'],
  [/^unexpected end of (the )?(file|text|input)$/, '文字意外結束'],
  [/^bad number (.+)$/, '無效的數字 $1'],
  [/^not a game file: .*$/, '不是賽局檔：需要 Gambit .nfg、.efg 檔或 Brink 賽局 JSON'],
  [/^YAML syntax error: (.+)$/, 'YAML 語法錯誤：$1'],
  [/^not valid JSON: (.+)$/, 'JSON 格式錯誤：$1'],
  [/^chance probabilities must be non-negative and sum to 1 \((.+)\)$/, '機率須非負且總和為 1（$1）'],
  [/^outcome (\S+) has (\d+) payoffs for (\d+) players$/, '結果 $1 有 $2 個報酬，但賽局有 $3 位參與者'],
  [/^outcome (\S+) does not exist \(there are (\d+)\)$/, '結果 $1 不存在（共有 $2 個）'],
  [/^a game needs at least one player$/, '賽局至少需要一位參與者'],
  [/^a player needs at least one strategy$/, '每位參與者至少需要一個策略'],
  [/^an information set needs at least one action$/, '每個資訊集至少需要一個行動'],
  [/^unsupported \.(\w+) version (.+)$/, '不支援的 .$1 版本 $2'],
  [/^player (\S+) does not exist \(the game has (\d+)\)$/, '參與者 $1 不存在（賽局共有 $2 位）'],
  [/^probability (\S+) lies outside \[0, 1\]$/, '機率 $1 超出 [0, 1]'],
  [/^probabilities (.+) sum to (\S+), not 1$/, '機率 $1 總和為 $2，不是 1'],
  [/^the model assumes (\S+) < (\S+), got .*$/, '模型假設 $1 < $2，但輸入的數值不符'],
  [/^unknown parameter (.+)$/, '未知參數 $1'],
  [/^method (\S+) needs (.+)$/, '方法 $1 需要 $2'],
];

/** The reason in the interface language, or null when no pattern matches (show the engine's English). */
export function translateReason(reason: string, lang: Language): string | null {
  if (lang === 'en') return reason;
  for (const [pattern, zh] of zhPatterns) if (pattern.test(reason)) return reason.replace(pattern, zh);
  return null;
}
