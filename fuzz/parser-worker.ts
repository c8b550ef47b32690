/**
 * A fuzz worker process (fuzz/run.ts forks it): runs inputs `from..to` of one parser target. Before
 * each input it writes the input's index to `statusFile` synchronously (so a crash or a hang names
 * the input even when nothing else reaches the parent), and reports `finding` for anything but
 * acceptance or an InputError with a place, or an input slower than the hang limit, then `done`
 * with the counts.
 */
import { openSync, writeSync } from 'node:fs';
import { PARSER_TARGETS, corpus, judge } from './targets';
import { makeInputSource, mutatedInputs } from './mutate';

export interface WorkerJob {
  target: string;
  seed: number;
  from: number;
  to: number;
  hangMs: number;
  statusFile: string;
}

export type WorkerReport =
  | { type: 'progress'; index: number; ok: number; inputErrors: number }
  | { type: 'finding'; index: number; kind: 'exception' | 'slow'; message: string; ms: number }
  | { type: 'done'; ok: number; inputErrors: number; findings: number; ms: number };

process.on('message', (job: WorkerJob) => {
  const target = PARSER_TARGETS.find((t) => t.name === job.target)!;
  const seeds = corpus(target.name).map((c) => c.text);
  const input = makeInputSource(mutatedInputs(seeds, target.dictionary), job.seed);
  const send = (m: WorkerReport) => process.send!(m);
  let ok = 0;
  let inputErrors = 0;
  let findings = 0;
  const status = openSync(job.statusFile, 'w');
  const t0 = performance.now();
  for (let i = job.from; i < job.to; i++) {
    const text = input(i);
    writeSync(status, String(i).padEnd(12), 0);
    if (i % 200 === 0) send({ type: 'progress', index: i, ok, inputErrors });
    const start = performance.now();
    const verdict = judge(target, text);
    const ms = performance.now() - start;
    if (verdict.kind === 'ok') ok++;
    else if (verdict.kind === 'input-error') inputErrors++;
    else {
      findings++;
      send({ type: 'finding', index: i, kind: 'exception', message: verdict.message, ms });
    }
    if (ms > job.hangMs) {
      findings++;
      send({ type: 'finding', index: i, kind: 'slow', message: `took ${ms.toFixed(0)} ms (limit ${job.hangMs} ms)`, ms });
    }
  }
  send({ type: 'done', ok, inputErrors, findings, ms: performance.now() - t0 });
});
