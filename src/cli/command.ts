// What a command is: its help, its options and what it does. The command table lists them.
import type { CommandLine, OptionSpecs } from './args';
import type { ExitCode } from './exitCodes';
import type { Io } from './io';

export interface Command {
  name: string;
  /** One line, for `candor --help`. */
  summary: string;
  /** `candor log --title <text> [options]` */
  usage: string;
  /** What it does, in a few lines, for `candor <name> --help`. */
  description: string[];
  options: OptionSpecs;
  examples: string[];
  run(line: CommandLine, io: Io): Promise<ExitCode>;
}
