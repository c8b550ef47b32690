/**
 * `npm run bench [-- FILTER...]`: runs bench/*.bench.ts (those whose name contains a filter, or all),
 * writes each file's rows to bench/results/<name>.json, then rebuilds bench/results/latest.{json,md}
 * from every per-file result, so a partial run does not drop the other areas' figures.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import type { BenchFile, BenchRow } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', date: new Date().toISOString() };
const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
for (const file of files) {
  const rows: BenchRow[] = [];
  process.stderr.write(`bench: ${file}\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchFile };
  const got = await mod.default();
  for (const r of got) {
    rows.push(r);
    const base = r.baseline ? ` | ${r.baseline.name}: ${r.baseline.ms === null ? 'n/a' : r.baseline.ms.toFixed(1) + ' ms'}` : '';
    process.stderr.write(`  ${r.workload}: ${r.ms.toFixed(1)} ms${base}${r.detail ? ` (${r.detail})` : ''}\n`);
  }
  writeFileSync(join(resultsDir, file.replace(/\.bench\.ts$/, '.json')), JSON.stringify({ machine, rows }, null, 2) + '\n');
}

const rows: (BenchRow & { measured: string })[] = [];
for (const f of readdirSync(resultsDir).filter((x) => x.endsWith('.json') && x !== 'latest.json').sort()) {
  const got = JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as { machine: typeof machine; rows: BenchRow[] };
  for (const r of got.rows) rows.push({ ...r, measured: got.machine.date.slice(0, 16).replace('T', ' ') });
}

writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify({ machine, rows }, null, 2) + '\n');
const md = [
  `# Benchmark results`,
  ``,
  `${machine.date}, Node ${machine.node}, ${machine.cpus} cores (${machine.cpu}).`,
  ``,
  `| area | workload | Brink (ms) | baseline | baseline (ms) | ratio | detail | measured (UTC) |`,
  `|---|---|---|---|---|---|---|---|`,
  ...rows.map((r) => {
    const b = r.baseline;
    const ratio = b && b.ms ? (b.ms / r.ms).toFixed(2) + 'x faster' : '';
    return `| ${r.area} | ${r.workload} | ${r.ms.toFixed(1)} | ${b ? b.name + (b.note ? ` (${b.note})` : '') : ''} | ${b?.ms == null ? '' : b.ms.toFixed(1)} | ${ratio} | ${r.detail ?? ''} | ${r.measured} |`;
  }),
  ``,
].join('\n');
writeFileSync(join(resultsDir, 'latest.md'), md);
process.stderr.write(`bench: wrote bench/results/latest.json and latest.md (${rows.length} rows)\n`);
