/**
 * The `brink` command line. Each command lives in its own file under ./commands and registers
 * itself on the program.
 */
import { Command, CommanderError } from 'commander';
import { EXIT_BAD_INPUT, reportError } from './run';
import { COMMANDS, registerCommands } from './commands';

/** Global options that take a value (their value is not a command name). */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--data']);

/**
 * The commands a call needs: the one it names, or every command (help, a mistyped name), or none
 * (`brink --version`).
 */
function commandsFor(argv: readonly string[]): readonly string[] | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith('-')) return a in COMMANDS ? [a] : undefined;
  }
  return argv.some((a) => a === '-V' || a === '--version') ? [] : undefined;
}

export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('brink')
    .description('Brink: a workbench for analysing nuclear deterrence and diplomacy')
    .version('0.1.0')
    .showHelpAfterError()
    .option('--data <dir>', 'data directory of the store (SQLite file brink.sqlite); default: BRINK_DATA, else ./data')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  await registerCommands(program, argv ? commandsFor(argv) : undefined);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage errors are bad input.
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    return reportError(error);
  }
}

const isEntry = process.argv[1] !== undefined && /brink(\.js)?$|main\.ts$/.test(process.argv[1]);
if (isEntry) {
  // A reader that stops early (`brink ... | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}
