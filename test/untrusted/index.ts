// Entry for the suite that runs in an untrusted workspace (Restricted Mode).
import { runMochaIn } from '../integration/index';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
