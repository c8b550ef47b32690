/**
 * Evidence benchmark: the whole pipeline (language, normalisation, sentences, segmentation, gazetteer,
 * dates, quantities, claims, events) on Chinese text, in MB of UTF-8 per second on one core (target:
 * at least 1 MB/s), plus the measured quality: precision and recall per kind on the annotated articles
 * and CAMEO root accuracy on the codebook-style English sentences (docs/evidence.md). No peer runs
 * here: no other event coder reads Chinese (the baseline is the 1 MB/s target).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyseArticle, evidenceGazetteer, parseGazetteerText, utf8Length } from '@brink/engine/evidence';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { timeIt, type BenchRow } from './harness';
// The quality evaluation is shared with the tests.
import { ANNOTATED, KINDS, add, precision, readGold, recall, score, type Kind, type Score } from '../packages/engine/test/evidence/quality';
import { CAMEO_SENTENCES_EN } from '../packages/engine/test/evidence/cameo-sentences-en';

const root = path.resolve(import.meta.dirname, '..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

export default async function (): Promise<BenchRow[]> {
  const scenario = validateScenario(parseScenarioText(read('scenarios/korean-peninsula-2025-09.yaml'), 'scenario.yaml'), { fileName: 'scenario.yaml' });
  const gazetteer = evidenceGazetteer({ defaults: parseGazetteerText(read('gazetteers/default.yaml'), 'default.yaml'), scenario });
  const articles = [read('sources/000_8d664b9cd5e9c824.txt'), read('packages/engine/test/evidence/articles/zh-hant-2025-12-03.txt'), read('packages/engine/test/evidence/articles/zh-hans-2025-11-20.txt'), read('examples/articles/2025-10-24-dprk-parade-missiles.txt')];
  // About 1.2 MB of Chinese news: the articles repeated, as separate articles.
  const corpus: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 1.2e6; i++) {
    const a = articles[i % articles.length]!;
    corpus.push(a);
    bytes += utf8Length(a);
  }
  const rows: BenchRow[] = [];
  // Wall time (median of 3 after a warm-up) and this process's CPU time (user + system), which is what
  // "per core" means on a machine shared with other work.
  let cpu = Infinity;
  const ms = await timeIt(() => {
    const c0 = process.cpuUsage();
    for (const a of corpus) analyseArticle(a, gazetteer);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }, 3);
  const mbps = bytes / 1e6 / (ms / 1000);
  rows.push({
    area: 'evidence',
    workload: `pipeline, ${corpus.length} Chinese articles (${(bytes / 1e6).toFixed(2)} MB)`,
    ms,
    baseline: { name: 'target 1 MB/s', ms: (bytes / 1e6) * 1000, note: 'the target' },
    detail: `${mbps.toFixed(2)} MB/s wall, ${(bytes / 1e6 / (cpu / 1000)).toFixed(2)} MB per CPU-second (best run ${cpu.toFixed(0)} ms CPU)`,
  });
  // One long article (about 1 MB in one text: sentence-local steps must stay linear).
  const long = ` date 2025-09-01 ${Array.from({ length: 180 }, () => read('sources/000_8d664b9cd5e9c824.txt').replace(/^\s*date\s+\S+\s+/, '')).join('\n')}`;
  const longBytes = utf8Length(long);
  const msLong = await timeIt(() => analyseArticle(long, gazetteer), 3);
  rows.push({ area: 'evidence', workload: `pipeline, one ${(longBytes / 1e6).toFixed(2)} MB Chinese article`, ms: msLong, baseline: { name: 'target 1 MB/s', ms: (longBytes / 1e6) * 1000, note: 'the target' }, detail: `${(longBytes / 1e6 / (msLong / 1000)).toFixed(2)} MB/s` });

  // Quality.
  let total: Record<Kind, Score> | undefined;
  for (const a of ANNOTATED) {
    const s = score(analyseArticle(readFileSync(a.file, 'utf8'), gazetteer), readGold(a.gold));
    total = total ? add(total, s) : s;
    rows.push({ area: 'evidence', workload: `quality: ${a.name}`, ms: 0, detail: KINDS.map((k) => `${k} P ${precision(s[k]).toFixed(2)} R ${recall(s[k]).toFixed(2)}`).join('; ') });
  }
  rows.push({ area: 'evidence', workload: 'quality: all annotated articles', ms: 0, detail: KINDS.map((k) => `${k} P ${precision(total![k]).toFixed(2)} R ${recall(total![k]).toFixed(2)}`).join('; ') });
  let right = 0;
  for (const [sentence, rootCode] of CAMEO_SENTENCES_EN) {
    const ev = analyseArticle(sentence, gazetteer, { date: '2025-01-01', lang: 'en' });
    if (rootCode === null ? ev.events.length === 0 : ev.events[0]?.root === rootCode) right++;
  }
  rows.push({ area: 'evidence', workload: `quality: CAMEO root accuracy, ${CAMEO_SENTENCES_EN.length} codebook-style English sentences`, ms: 0, detail: `${((100 * right) / CAMEO_SENTENCES_EN.length).toFixed(1)}% (${right}/${CAMEO_SENTENCES_EN.length})` });
  return rows;
}
