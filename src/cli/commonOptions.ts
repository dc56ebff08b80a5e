// Options more than one command takes, described once so their help reads the same everywhere.
import type { OptionSpec, OptionSpecs } from './args';

export const DIR_OPTION: OptionSpec = {
  type: 'string',
  value: 'folder',
  help: 'The incidents folder, relative to the current directory; it must be inside the repository. Default: candor.incidentsFolder from <repo>/.vscode/settings.json, else incidents',
};

export const JSON_OPTION: OptionSpec = { type: 'boolean', help: 'Print JSON instead of text' };

/** Added to every command by main. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'Show this help' };
export const NO_COLOR_OPTION: OptionSpec = { type: 'boolean', help: 'No colour (also: the NO_COLOR environment variable)' };

/** A command's options as parsed and as documented: its own, then the ones every command takes. */
export function withCommonOptions(options: OptionSpecs): OptionSpecs {
  return { ...options, 'no-color': NO_COLOR_OPTION, help: HELP_OPTION };
}
