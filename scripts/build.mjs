#!/usr/bin/env node
/**
 * `npm run build`: bundles the `brink` command line (packages/app/src/cli/main.ts, with the engine
 * and every command) and the run pool's worker process (packages/app/src/jobs/worker-main.ts) into
 * packages/app/dist with esbuild, so that a call of `brink` starts in milliseconds instead of
 * transpiling TypeScript through tsx on every call (docs/decisions/0003-cli-bundle.md).
 * npm packages stay external (loaded from node_modules); only Brink's own TypeScript is bundled.
 * Heavy commands load their modules on demand (code splitting), so `brink --version` or
 * `brink solve` do not load the HTTP server or the database drivers.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'packages/app/dist');

/** Bare imports of npm packages stay external; Brink's own packages (@brink/*) are bundled. */
const externalNpm = {
  name: 'external-npm',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@brink/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'packages/app/src/cli/main.ts',
    worker: 'packages/app/src/jobs/worker-main.ts',
    'simulation-worker': 'packages/app/src/simulation/thread.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  plugins: [externalNpm],
  logLevel: 'warning',
  metafile: true,
});
writeFileSync(path.join(outdir, 'build.json'), JSON.stringify({ builtAt: new Date().toISOString(), ms: Date.now() - started }) + '\n');
const bytes = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.mjs')).reduce((s, [, o]) => s + o.bytes, 0);
console.log(`build: packages/app/dist (${(bytes / 1024).toFixed(0)} KB of JavaScript) in ${Date.now() - started} ms`);
