#!/usr/bin/env node
// The `brink` command. It runs the bundle that `npm run build` writes to ../dist (set-up builds it:
// `npm start`, `npm test`), and falls back to the TypeScript sources through tsx when there is no
// bundle or a source file is newer than it (development), or when BRINK_FROM_SOURCE=1.
// See docs/decisions/0003-cli-bundle.md.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
const sourceDirs = ['../src/', '../../engine/src/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** The bundle's build time, or 0 when there is none. */
function bundleTime() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when some source file changed after the bundle was built. */
function sourcesNewerThan(time) {
  for (const dir of sourceDirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs > time) return true;
    }
  }
  return false;
}

const built = process.env.BRINK_FROM_SOURCE === '1' ? 0 : bundleTime();
if (built > 0 && !sourcesNewerThan(built)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
