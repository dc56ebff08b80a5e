// Exit codes are part of the CLI's interface: hooks and CI steps branch on them, so each kind of
// failure has its own and they never change meaning.

export const EXIT = {
  ok: 0,
  /** `check` found errors in notes; `review --fail-on` found a touched note that severe. */
  checkFailed: 1,
  /** The command line is wrong: unknown command or option, missing or invalid value. */
  usage: 2,
  /** No incidents folder to read (not a repository, or none logged yet), or the repository's Candor settings or template are unusable. */
  noFolder: 3,
  /** No note has the id given. */
  unknownNote: 4,
  /** A bug or an environment failure nobody planned for (sysexits' EX_SOFTWARE). */
  unexpected: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure with a message meant for the person at the terminal, and its exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: ExitCode, readonly hint?: string) {
    super(message);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(command: string | undefined, message: string) {
    super(message, EXIT.usage, `Run "candor ${command ? `${command} ` : ''}--help" for usage.`);
    this.name = 'UsageError';
  }
}
