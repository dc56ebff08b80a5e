// Candor's settings as the editor would see them for the repository's folder, without VS Code:
// the workspace's `.vscode/settings.json`. User settings are not read: a command-line run should
// give every teammate (and CI) the same answer for the same repository. A settings file that
// cannot be read is ignored with a warning, never a failure: notes can be read without it.
import * as fs from 'fs';
import * as path from 'path';
import type { HostKind } from '../core/repository/permalinks';
import { parseJsonWithComments } from './jsonc';

export interface WorkspaceSettings {
  incidentsFolder?: string;
  defaultSeverity?: string;
  permalinkHosts?: Record<string, HostKind>;
  /** candor.blameless.rules and .disabledRules, as written (checked where they are used). */
  blamelessRules?: unknown;
  blamelessDisabledRules?: unknown;
}

const HOST_KINDS: readonly string[] = ['github', 'gitlab', 'bitbucket', 'azure'];
/** Larger than any real settings file; a bigger one is not read. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export const SETTINGS_FILE = path.join('.vscode', 'settings.json');

export function readWorkspaceSettings(root: string, warn: (message: string) => void): WorkspaceSettings {
  const file = path.join(root, SETTINGS_FILE);
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return {};
    }
    if (stat.size > MAX_SETTINGS_BYTES) {
      warn(`Ignoring ${SETTINGS_FILE}: it is larger than 1 MiB.`);
      return {};
    }
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let data: unknown;
  try {
    data = parseJsonWithComments(text);
  } catch (err) {
    warn(`Ignoring ${SETTINGS_FILE}: it is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    warn(`Ignoring ${SETTINGS_FILE}: it is not a set of "key": value settings.`);
    return {};
  }
  const values = data as Record<string, unknown>;
  const settings: WorkspaceSettings = {};
  const text1 = (key: string): string | undefined => {
    const value = values[key];
    if (value === undefined) {
      return undefined;
    }
    if (typeof value !== 'string') {
      warn(`Ignoring ${key} in ${SETTINGS_FILE}: it must be text.`);
      return undefined;
    }
    return value;
  };
  settings.incidentsFolder = text1('candor.incidentsFolder');
  settings.defaultSeverity = text1('candor.defaultSeverity');
  settings.blamelessRules = values['candor.blameless.rules'];
  settings.blamelessDisabledRules = values['candor.blameless.disabledRules'];
  const hosts = values['candor.permalinks.hosts'];
  if (typeof hosts === 'object' && hosts !== null && !Array.isArray(hosts)) {
    settings.permalinkHosts = Object.fromEntries(
      Object.entries(hosts).filter((entry): entry is [string, HostKind] => typeof entry[1] === 'string' && HOST_KINDS.includes(entry[1])),
    );
  }
  return settings;
}
