/**
 * Reading and writing the files a user names (CLI arguments and options). Any file-system error
 * (missing, a directory, not a directory, no permission...) is bad input: an `InputError` whose
 * place is the file, so the CLI exits 2 with the message on stderr.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { InputError } from '@brink/engine';

function fsCode(error: unknown): string {
  return (error as { code?: string })?.code ?? 'error';
}

/** Reads a UTF-8 text file; `what` names it in the message ("scenario file", "parameters file"...). */
export async function readTextFile(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what}: ${fsCode(error)}`, { place: file, cause: error });
  }
}

/** Writes a text file the user asked for (e.g. --export-efg FILE). */
export async function writeTextFile(file: string, text: string, what: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new InputError(`cannot write ${what}: ${fsCode(error)}`, { place: file, cause: error });
  }
}
