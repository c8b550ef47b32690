/**
 * Exit-code policy of every `brink` command: 0 ok, 2 bad input (message on stderr, nothing on
 * stdout), 1 internal error. Commands throw `InputError` (from @brink/engine) for bad input.
 */
import { isInputError } from '@brink/engine';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Wraps a command action: maps thrown errors to the exit codes above. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      process.exitCode = reportError(error);
    }
  };
}

export function reportError(error: unknown): number {
  if (isInputError(error)) {
    process.stderr.write(`brink: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const e = error as { code?: string; path?: string; message?: string };
  if (e && ['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'ENAMETOOLONG', 'ELOOP'].includes(e.code ?? '')) {
    process.stderr.write(`brink: cannot read ${e.path ?? 'file'}: ${e.code}\n`);
    return EXIT_BAD_INPUT;
  }
  process.stderr.write(`brink: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_INTERNAL;
}
