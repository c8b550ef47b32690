/**
 * The web app's built files (packages/web/dist) as an allow-list: a map from URL path to a file
 * found by walking the build folder. A request path is only ever a key looked up in that map, so it
 * never reaches the file system itself (no `..`, no encoded separators, no symlinks followed).
 *
 * A rebuild of the web app while the server runs replaces the hashed asset names. When a requested
 * path is not in the list, the list is made again if the build's index.html changed (mtime or size)
 * since the last walk, so a rebuilt app is served without a restart. That check stats one fixed
 * file, index.html, never the requested path.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** At most this many files are listed (a guard against pointing the server at a huge folder). */
const MAX_FILES = 20_000;

export class StaticFiles {
  private files = new Map<string, string>();
  private stamp = '';

  constructor(readonly root: string) {
    this.refresh();
  }

  /** index.html's mtime and size, or '' when it is missing. */
  private currentStamp(): string {
    try {
      const s = statSync(path.join(this.root, 'index.html'));
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return '';
    }
  }

  /** Walks the build folder again (regular files only, no dot files, symlinks skipped). */
  refresh(): void {
    const files = new Map<string, string>();
    const walk = (dir: string, rel: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.') || files.size >= MAX_FILES) continue;
        const relPath = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path.join(dir, entry.name), relPath);
        else if (entry.isFile()) files.set(`/${relPath}`, relPath);
      }
    };
    const stamp = this.currentStamp();
    walk(this.root, '');
    if (files.has('/index.html')) files.set('/', 'index.html');
    this.files = files;
    this.stamp = stamp;
  }

  /** Makes the list again when index.html changed since the last walk; true when it did. */
  refreshIfRebuilt(): boolean {
    if (this.currentStamp() === this.stamp) return false;
    this.refresh();
    return true;
  }

  /**
   * The file (relative to `root`) for a decoded URL path such as `/assets/app-1a2b.js`, or null.
   * On a miss, looks again once if the build changed.
   */
  lookup(urlPath: string): string | null {
    const hit = this.files.get(urlPath);
    if (hit !== undefined) return hit;
    return this.refreshIfRebuilt() ? (this.files.get(urlPath) ?? null) : null;
  }

  /** Whether the build has an index.html (for the single-page-app fallback). */
  hasIndex(): boolean {
    if (this.files.has('/index.html')) return true;
    this.refreshIfRebuilt();
    return this.files.has('/index.html');
  }

  /** How many files are listed. */
  get size(): number {
    return this.files.size;
  }
}
