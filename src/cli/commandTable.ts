// The commands `candor` knows, in the order `candor --help` lists them.
import type { Command } from './command';
import { checkCommand } from './commands/check';
import { digestCommand } from './commands/digest';
import { discloseCommand } from './commands/disclose';
import { listCommand } from './commands/list';
import { logCommand } from './commands/log';
import { respondCommand } from './commands/respond';
import { reviewCommand } from './commands/review';
import { reviewedCommand } from './commands/reviewed';
import { showCommand } from './commands/show';
import { similarCommand } from './commands/similar';
import { siteCommand } from './commands/site';
import { statsCommand } from './commands/stats';
import { statusCommand } from './commands/status';

export const COMMANDS: readonly Command[] = [
  logCommand, listCommand, showCommand, statusCommand, checkCommand, reviewCommand, discloseCommand, statsCommand, respondCommand, similarCommand, siteCommand,
  digestCommand, reviewedCommand,
];
