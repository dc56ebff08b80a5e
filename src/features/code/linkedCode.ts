// Which notes link to which lines, for the editor features (hovers, CodeLens, gutter, explorer
// badges). Built from the in-memory note index, never by reading notes; the current location of
// each link (after edits, moves and renames) is computed per document version and cached.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { locateLinks } from '../../core/anchoring/locateLinks';
import type { AnchorLocation } from '../../core/anchoring/types';
import type { GitRunner } from '../../core/git/gitRunner';
import type { LinkedFile } from '../../core/noteFormat/noteModel';
import { resolveInside } from '../../core/repository/repoPaths';
import type { NoteEntry, NotesChange, NotesService } from '../notes/notesService';

export interface LinkRef {
  entry: NoteEntry;
  file: LinkedFile;
  index: number;
}

export interface LocatedLink extends LinkRef {
  location: AnchorLocation;
  /** 0-based, inclusive; absent for whole-file and orphaned links. */
  range?: vscode.Range;
}

interface DocumentCache {
  version: number;
  generation: number;
  result: Promise<LocatedLink[]>;
}

export class LinkedCode implements vscode.Disposable {
  private byFile: Map<string, LinkRef[]> | undefined;
  private building: Promise<Map<string, LinkRef[]>> | undefined;
  private generation = 0;
  private readonly documents = new Map<string, DocumentCache>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when links may have moved: notes changed, or trust was granted. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly notes: NotesService, private readonly git: GitRunner) {
    this.subscriptions = [
      notes.onDidChange((change) => (change && this.applyChange(change) ? this.changedLinks() : this.invalidate())),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.documents.delete(doc.uri.toString())),
    ];
  }

  private invalidate(): void {
    this.byFile = undefined;
    this.building = undefined;
    this.changedLinks();
  }

  /** Located documents are recomputed on their next request; the path → links map is kept. */
  private changedLinks(): void {
    this.generation++;
    this.documents.clear();
    this.changed.fire();
  }

  /**
   * Updates the path → links map for a few changed notes, so a change costs the same at any
   * number of notes. Returns false when it cannot (no map yet, or a link to a missing file,
   * which may be a rename only git can follow): the caller then rebuilds it all.
   */
  private applyChange(change: NotesChange): boolean {
    const map = this.byFile;
    if (!map) {
      return false;
    }
    const files = new Set(change.files.map((f) => path.resolve(f)));
    const added: [string, LinkRef][] = [];
    for (const file of files) {
      const entry = this.notes.loadedEntry(file);
      const links = entry ? linksOf(entry) : { present: [], missing: [] };
      if (links.missing.length > 0) {
        return false;
      }
      added.push(...links.present);
    }
    for (const [key, refs] of map) {
      if (refs.some((r) => files.has(path.resolve(r.entry.note.path)))) {
        const kept = refs.filter((r) => !files.has(path.resolve(r.entry.note.path)));
        if (kept.length > 0) {
          map.set(key, kept);
        } else {
          map.delete(key);
        }
      }
    }
    for (const [abs, ref] of added) {
      add(map, abs, ref);
    }
    return true;
  }

  /** Absolute path → the links to it. Links to renamed files are keyed by their current path. */
  async linksByFile(): Promise<Map<string, LinkRef[]>> {
    if (this.byFile) {
      return this.byFile;
    }
    const generation = this.generation;
    this.building ??= this.build();
    const map = await this.building;
    if (generation === this.generation) {
      this.byFile = map;
    }
    return map;
  }

  private async build(): Promise<Map<string, LinkRef[]>> {
    const map = new Map<string, LinkRef[]>();
    const missing: LinkRef[] = [];
    for (const entry of await this.notes.all()) {
      const links = linksOf(entry);
      links.present.forEach(([abs, ref]) => add(map, abs, ref));
      missing.push(...links.missing);
    }
    // A linked file that is gone may have been renamed: ask git (trusted only), once per build.
    for (const [root, refs] of groupBy(missing, (r) => r.entry.folder.root)) {
      const located = await locateLinks(refs.map((r) => r.file), this.options(root)).catch(() => []);
      located.forEach((location, i) => {
        const abs = location.status !== 'orphaned' ? resolveInside(root, location.path) : undefined;
        if (abs) {
          add(map, abs, refs[i]);
        }
      });
    }
    return map;
  }

  /** The links in a document at their current lines (as in the editor, unsaved edits included). */
  async locate(doc: vscode.TextDocument): Promise<LocatedLink[]> {
    if (doc.uri.scheme !== 'file') {
      return [];
    }
    const key = doc.uri.toString();
    const cached = this.documents.get(key);
    if (cached && cached.version === doc.version && cached.generation === this.generation) {
      return cached.result;
    }
    const result = this.computeLocations(doc);
    this.documents.set(key, { version: doc.version, generation: this.generation, result });
    return result;
  }

  private async computeLocations(doc: vscode.TextDocument): Promise<LocatedLink[]> {
    const refs = (await this.linksByFile()).get(path.resolve(doc.uri.fsPath)) ?? [];
    if (refs.length === 0) {
      return [];
    }
    const out: LocatedLink[] = [];
    for (const [root, group] of groupBy(refs, (r) => r.entry.folder.root)) {
      const relative = path.relative(root, doc.uri.fsPath).split(path.sep).join('/');
      const text = doc.getText();
      const locations = await locateLinks(group.map((r) => r.file), {
        ...this.options(root),
        currentText: (p) => (p === relative ? text : undefined),
      }).catch((): AnchorLocation[] => group.map((r) => ({ status: 'orphaned', path: r.file.path, reason: vscode.l10n.t('The link could not be located.') })));
      group.forEach((ref, i) => {
        const location = locations[i];
        const lines = location.lines;
        const range = lines && location.status !== 'orphaned'
          ? new vscode.Range(lines[0] - 1, 0, Math.min(lines[1], doc.lineCount) - 1, Number.MAX_SAFE_INTEGER)
          : undefined;
        out.push({ ...ref, location, range: range ? doc.validateRange(range) : undefined });
      });
    }
    return out;
  }

  /** Locates one note's links (for the tree and re-anchoring), using open editors' text. */
  async locateNote(entry: NoteEntry, signal?: AbortSignal): Promise<AnchorLocation[]> {
    const root = entry.folder.root;
    const open = new Map(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => [path.relative(root, d.uri.fsPath).split(path.sep).join('/'), d]));
    return locateLinks(entry.note.note.files, { ...this.options(root), currentText: (p) => open.get(p)?.getText(), signal });
  }

  private options(root: string) {
    // In an untrusted workspace the links are found by their text alone: no git process.
    return { git: vscode.workspace.isTrusted ? this.git : undefined, repoRoot: root };
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }
}

/** A note's links to files inside its repository: those present on disk, and those that are not. */
function linksOf(entry: NoteEntry): { present: [string, LinkRef][]; missing: LinkRef[] } {
  const present: [string, LinkRef][] = [];
  const missing: LinkRef[] = [];
  entry.note.note.files.forEach((file, index) => {
    const abs = resolveInside(entry.folder.root, file.path);
    if (abs && fs.existsSync(abs)) {
      present.push([abs, { entry, file, index }]);
    } else if (abs) {
      missing.push({ entry, file, index });
    }
  });
  return { present, missing };
}

function add(map: Map<string, LinkRef[]>, abs: string, ref: LinkRef): void {
  const key = path.resolve(abs);
  const list = map.get(key);
  if (list) {
    list.push(ref);
  } else {
    map.set(key, [ref]);
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) {
      list.push(item);
    } else {
      map.set(k, [item]);
    }
  }
  return map;
}
