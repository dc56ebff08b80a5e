// The commands `candor` knows, in the order `candor --help` lists them.
import type { Command } from './command';
import { checkCommand } from './commands/check';
import { discloseCommand } from './commands/disclose';
import { listCommand } from './commands/list';
import { logCommand } from './commands/log';
import { showCommand } from './commands/show';
import { siteCommand } from './commands/site';
import { statsCommand } from './commands/stats';

export const COMMANDS: readonly Command[] = [logCommand, listCommand, showCommand, checkCommand, discloseCommand, statsCommand, siteCommand];
