// `candor`: the command-line entry point (bundled to dist/cli.js). Picks the command, parses its
// options, and turns every outcome into an exit code: a CliError carries its own, anything else
// is unexpected (70) and says how to get the details.
import { flag, parseCommandLine } from './args';
import type { Command } from './command';
import { COMMANDS } from './commandTable';
import { withCommonOptions } from './commonOptions';
import { CliError, EXIT, UsageError, type ExitCode } from './exitCodes';
import { commandHelp, globalHelp } from './help';
import { processIo, type Io } from './io';
import { gitProcessCount } from './repoContext';
import { closestMatches } from './suggest';
import { safeLine } from './terminalText';
import { cliVersion } from './version';

async function main(argv: string[], io: Io): Promise<ExitCode> {
  const args = argv.filter((a, i) => !(a === '--no-color' && i === 0));
  const first = args[0];
  if (first === undefined) {
    io.err(globalHelp(cliVersion(), COMMANDS, io.columns));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') {
    io.out(globalHelp(cliVersion(), COMMANDS, io.columns));
    return EXIT.ok;
  }
  if (first === '--version') {
    io.out(cliVersion());
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = args[1] === undefined ? undefined : commandNamed(args[1]);
    io.out(topic ? commandHelp(topic, io.columns) : globalHelp(cliVersion(), COMMANDS, io.columns));
    return EXIT.ok;
  }
  const command = commandNamed(first);
  const line = parseCommandLine(command.name, args.slice(1), withCommonOptions(command.options));
  if (flag(line.values, 'help')) {
    io.out(commandHelp(command, io.columns));
    return EXIT.ok;
  }
  return command.run(line, io);
}

function commandNamed(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command) {
    return command;
  }
  if (name.startsWith('-')) {
    throw new UsageError(undefined, `Unknown option ${safeLine(name)} (options come after the command).`);
  }
  // Command names are short: beyond the closest one, suggestions are noise.
  const near = closestMatches(name, COMMANDS.map((c) => c.name), 1);
  throw new UsageError(undefined, `Unknown command "${safeLine(name)}".${near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : ''}`);
}

function report(io: Io, err: unknown): ExitCode {
  const p = io.errPaint;
  if (err instanceof CliError) {
    io.err(`${p.red('candor:')} ${err.message}`);
    if (err.hint) {
      io.err(err.hint);
    }
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`${p.red('candor: unexpected error:')} ${message}`);
  if (io.env.CANDOR_DEBUG && err instanceof Error && err.stack) {
    io.err(err.stack);
  } else {
    io.err('Run again with CANDOR_DEBUG=1 for the details, and please report it.');
  }
  return EXIT.unexpected;
}

const argv = process.argv.slice(2);
const io = processIo(argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length).includes('--no-color'));
const started = process.hrtime.bigint();
// `candor list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') {
    process.exit(process.exitCode ?? EXIT.ok);
  }
  throw err;
});
main(argv, io)
  .catch((err: unknown) => report(io, err))
  .then((code) => {
    if (io.env.CANDOR_DEBUG) {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      io.err(`candor: ${ms.toFixed(0)} ms, ${gitProcessCount()} git process${gitProcessCount() === 1 ? '' : 'es'}`);
    }
    // exitCode, not exit(): pending output to a pipe is written before the process ends.
    process.exitCode = code;
  });
