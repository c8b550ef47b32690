/**
 * Reading and writing the files a user names (CLI arguments and options). Any file-system error
 * (missing, a directory, not a directory, no permission...) is bad input: an `InputError` whose
 * place is the file, so the CLI exits 2 with the message on stderr.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { InputError } from '@brink/engine/errors';

/** A file-system error in words (`no such file or directory`), not its code. */
export function fileErrorText(error: unknown): string {
  const code = (error as { code?: string })?.code;
  return (code !== undefined ? FILE_ERRORS[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
}

const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many symbolic links',
  EEXIST: 'it already exists',
  ENOSPC: 'no space left on the device',
};

/** Reads a UTF-8 text file; `what` names it in the message ("scenario file", "parameters file"...). */
export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what}: ${fileErrorText(error)}`, { place: file, cause: error });
  }
}

/** Writes a text file the user asked for (e.g. --export-efg FILE). */
export async function writeTextFile(file: string, text: string, what: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new InputError(`cannot write ${what}: ${fileErrorText(error)}`, { place: file, cause: error });
  }
}

/**
 * Parses JSON text a user gave in a file; a syntax error is an InputError at `file:line:col` (JSON.parse
 * reports a character position; this turns it into the line and column an editor shows).
 */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const { reason, line, col } = jsonSyntaxProblem(text, error);
    throw new InputError(`not valid JSON: ${reason}`, { place: `${file}:${line}:${col}`, cause: error });
  }
}

/** What JSON.parse's error says, without its character position, and that position as line and column. */
export function jsonSyntaxProblem(text: string, error: unknown): { reason: string; line: number; col: number } {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of the text');
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : text.length;
  const before = text.slice(0, offset);
  return { reason, line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
}
