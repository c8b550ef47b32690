/**
 * Exit-code policy of every `brink` command: 0 ok, 2 bad input (message on stderr, nothing on
 * stdout), 1 internal error. Commands throw `InputError` (from @brink/engine) for bad input.
 */
import type { Command } from 'commander';
import { isInputError, type InputError } from '@brink/engine/errors';
import { fileErrorText } from '../input-files';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * Wraps a command action: maps thrown errors to the exit codes above. An input error placed at an
 * option's field name (the engine says `model`, `method`) is re-placed at the command's flag (`--model`).
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      const command = args.at(-1) as Command | undefined;
      process.exitCode = reportError(isInputError(error) && command?.options ? atFlag(error, command) : error);
    }
  };
}

function atFlag(error: InputError, command: Command): InputError {
  const option = command.options.find((o) => o.attributeName() === error.place);
  return option?.long ? error.at(option.long) : error;
}


export function reportError(error: unknown): number {
  if (isInputError(error)) {
    process.stderr.write(`brink: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const e = error as { code?: string; path?: string; message?: string };
  if (e?.code !== undefined && e.code.startsWith('E') && e.path !== undefined) {
    process.stderr.write(`brink: cannot read ${e.path}: ${fileErrorText(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  process.stderr.write(`brink: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_INTERNAL;
}
