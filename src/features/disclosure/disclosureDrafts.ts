// Drafting a disclosure for a note in the editor: the team's template from `.candor/disclosure.md`
// when there is one, and permalinks from the `origin` remote (trusted workspaces only: reading
// it starts git).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { draftDisclosure, type Disclosure } from '../../core/disclosure/draftDisclosure';
import type { DisclosureFormat } from '../../core/disclosure/disclosureFormat';
import type { GitRunner } from '../../core/git/gitRunner';
import { originRemote, type RemoteWeb } from '../../core/repository/permalinks';
import { customHosts } from '../learnings/permalinkCommand';
import type { NoteEntry } from '../notes/notesService';

export const TEMPLATE_PATH = path.join('.candor', 'disclosure.md');
const MAX_TEMPLATE_BYTES = 64 * 1024;

export class DisclosureDrafts {
  constructor(private readonly git: GitRunner) {}

  /** Throws TemplateError (naming the placeholder and line) when the team's template is broken. */
  async draft(entry: NoteEntry, format: DisclosureFormat): Promise<Disclosure> {
    const remote = vscode.workspace.isTrusted ? await originRemote(this.git, entry.folder.root, customHosts()).catch((): RemoteWeb | undefined => undefined) : undefined;
    return draftDisclosure(entry.note.note, { format, remote, template: readTemplate(entry.folder.root), problems: entry.note.problems });
  }
}

/** The team's template, if the repository has one (bounded: it comes from the repository). */
export function readTemplate(root: string): string | undefined {
  const file = path.join(root, TEMPLATE_PATH);
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_TEMPLATE_BYTES) {
      return undefined;
    }
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
