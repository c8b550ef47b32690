/**
 * Where Brink's files are, found from this module's own location whether it runs from the
 * TypeScript sources (packages/app/src/...) or from the CLI bundle (packages/app/dist/...): the
 * repository root is the nearest folder above that holds `packages/app/package.json`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'packages', 'app', 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find Brink's repository root above ${start}`);
  }
}

export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const APP_DIR = path.join(REPO_ROOT, 'packages', 'app');
export const ENGINE_DIR = path.join(REPO_ROOT, 'packages', 'engine');
