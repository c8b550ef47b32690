/** `npm run bench [-- FILTER...]`: runs bench/*.bench.ts and writes bench/results/latest.{json,md}. */
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
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

const rows: BenchRow[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchFile };
  const got = await mod.default();
  for (const r of got) {
    rows.push(r);
    const base = r.baseline ? ` | ${r.baseline.name}: ${r.baseline.ms === null ? 'n/a' : r.baseline.ms.toFixed(1) + ' ms'}` : '';
    process.stderr.write(`  ${r.workload}: ${r.ms.toFixed(1)} ms${base}${r.detail ? ` (${r.detail})` : ''}\n`);
  }
}

const machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', date: new Date().toISOString() };
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), JSON.stringify({ machine, rows }, null, 2) + '\n');
const md = [
  `# Benchmark results`,
  ``,
  `${machine.date}, Node ${machine.node}, ${machine.cpus} cores (${machine.cpu}).`,
  ``,
  `| area | workload | Brink (ms) | baseline | baseline (ms) | ratio | detail |`,
  `|---|---|---|---|---|---|---|`,
  ...rows.map((r) => {
    const b = r.baseline;
    const ratio = b && b.ms ? (b.ms / r.ms).toFixed(2) + 'x faster' : '';
    return `| ${r.area} | ${r.workload} | ${r.ms.toFixed(1)} | ${b ? b.name + (b.note ? ` (${b.note})` : '') : ''} | ${b?.ms == null ? '' : b.ms.toFixed(1)} | ${ratio} | ${r.detail ?? ''} |`;
  }),
  ``,
].join('\n');
writeFileSync(join(here, 'results', 'latest.md'), md);
process.stderr.write(`bench: wrote bench/results/latest.json and latest.md (${rows.length} rows)\n`);
