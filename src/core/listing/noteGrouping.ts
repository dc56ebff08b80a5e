// How the Learnings view groups and filters notes, free of the editor so it can be tested and
// reused (the CLI lists with the same rules).
import { hasErrors, SEVERITIES, STATUSES, type Note, type ParsedNote } from '../noteFormat/noteModel';

export const GROUP_BY = ['status', 'severity', 'tag', 'file', 'month', 'author'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface NoteGroup<T> {
  /** Stable key, e.g. `status:open`, `tag:k8s`. */
  key: string;
  label: string;
  items: T[];
}

export const ATTENTION_KEY = 'attention';
const STATUS_LABELS: Record<string, string> = { open: 'Open', mitigated: 'Mitigated', resolved: 'Resolved' };

/**
 * Groups notes, newest first inside each group. Notes with errors go to "Needs attention" first,
 * whatever the grouping, so a broken note is never hidden. A note with several tags or files
 * appears in each of their groups.
 */
export function groupNotes<T>(items: T[], by: GroupBy, parsed: (item: T) => ParsedNote): NoteGroup<T>[] {
  const groups = new Map<string, NoteGroup<T>>();
  const add = (key: string, label: string, item: T) => {
    let group = groups.get(key);
    if (!group) {
      group = { key, label, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  };
  for (const item of newestFirst(items, (i) => parsed(i).note)) {
    const p = parsed(item);
    if (hasErrors(p)) {
      add(ATTENTION_KEY, 'Needs attention', item);
      continue;
    }
    for (const [key, label] of keysOf(p.note, by)) {
      add(`${by}:${key}`, label, item);
    }
  }
  return [...groups.values()].sort(groupComparator(by));
}

/**
 * The groups `groupNotes` would give after some notes changed, from the groups before: changed
 * notes are taken out, their new versions (`added`) put in at their place. A change costs one
 * pass over the groups' lists and a binary search per added note, not a sort of every note.
 */
export function regroupChanged<T>(
  groups: NoteGroup<T>[], by: GroupBy, parsed: (item: T) => ParsedNote, isChanged: (item: T) => boolean, added: T[],
): NoteGroup<T>[] {
  const byKey = new Map<string, NoteGroup<T>>();
  for (const group of groups) {
    byKey.set(group.key, group.items.some(isChanged) ? { ...group, items: group.items.filter((i) => !isChanged(i)) } : group);
  }
  for (const fresh of groupNotes(added, by, parsed)) {
    const group = byKey.get(fresh.key);
    if (!group) {
      byKey.set(fresh.key, fresh);
      continue;
    }
    const items = group === groups.find((g) => g.key === fresh.key) ? [...group.items] : group.items;
    for (const item of fresh.items) {
      items.splice(insertionIndex(items, sortKey(parsed(item).note), parsed), 0, item);
    }
    byKey.set(fresh.key, { ...group, items });
  }
  return [...byKey.values()].filter((g) => g.items.length > 0).sort(groupComparator(by));
}

/** Where a note with `key` goes in a newest-first list. */
function insertionIndex<T>(items: T[], key: string, parsed: (item: T) => ParsedNote): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sortKey(parsed(items[mid]).note) > key) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

function groupComparator<T>(by: GroupBy): (a: NoteGroup<T>, b: NoteGroup<T>) => number {
  return (a, b) => groupOrder(a.key, by) - groupOrder(b.key, by) || compareLabels(a, b, by);
}

function keysOf(note: Note, by: GroupBy): [string, string][] {
  switch (by) {
    case 'status':
      return [[note.status, STATUS_LABELS[note.status]]];
    case 'severity':
      return [[note.severity, note.severity]];
    case 'tag':
      return note.tags.length > 0 ? [...new Set(note.tags)].map((t) => [t, t]) : [['', 'No tag']];
    case 'file':
      return note.files.length > 0 ? [...new Set(note.files.map((f) => f.path))].map((p) => [p, p]) : [['', 'No linked file']];
    case 'month': {
      const month = (note.occurred ?? note.logged ?? note.id).slice(0, 7);
      return [/^\d{4}-\d{2}$/.test(month) ? [month, month] : ['', 'No date']];
    }
    case 'author': {
      const name = note.author?.replace(/\s*<[^>]*>\s*$/, '').trim();
      return [name ? [name, name] : ['', 'Unknown author']];
    }
  }
}

function groupOrder(key: string, by: GroupBy): number {
  if (key === ATTENTION_KEY) {
    return -1;
  }
  const value = key.slice(by.length + 1);
  if (by === 'status') {
    return (STATUSES as readonly string[]).indexOf(value);
  }
  if (by === 'severity') {
    // Most severe first.
    return SEVERITIES.length - (SEVERITIES as readonly string[]).indexOf(value);
  }
  // "No tag", "No date"…: last.
  return value === '' ? 1 : 0;
}

function compareLabels<T>(a: NoteGroup<T>, b: NoteGroup<T>, by: GroupBy): number {
  // Months newest first; everything else alphabetically.
  return by === 'month' ? b.label.localeCompare(a.label) : a.label.localeCompare(b.label);
}

/** Newest first, for the view's groups and the CLI's listing alike. */
export function newestFirst<T>(items: readonly T[], noteOf: (item: T) => Note): T[] {
  // Keys computed once per note, not per comparison: this runs on every refresh of the view.
  return items
    .map((item) => ({ item, key: sortKey(noteOf(item)) }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .map((x) => x.item);
}

/**
 * When a note happened, for ordering: `occurred`, else `logged`, else the date its id starts
 * with, then the id so the order is stable. Sorting these strings sorts the notes by time.
 */
function sortKey(note: Note): string {
  const when = Date.parse(note.occurred ?? note.logged ?? '');
  return `${Number.isNaN(when) ? note.id.slice(0, 10) : new Date(when).toISOString()} ${note.id}`;
}

export interface NoteFilter {
  /** Words that must all appear in the title, tags or body (case-insensitive). */
  text?: string;
  /** Only notes whose author carries this e-mail address. */
  authorEmail?: string;
  /** Only notes with one of these ids: those whose linked lines this branch's change touches (review/branchTouches). */
  touchedNoteIds?: ReadonlySet<string>;
}

export function matchesFilter(note: Note, filter: NoteFilter): boolean {
  if (filter.text) {
    const haystack = `${note.title}\n${note.tags.join(' ')}\n${note.body}`.toLowerCase();
    if (!filter.text.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word))) {
      return false;
    }
  }
  if (filter.authorEmail !== undefined && !note.author?.toLowerCase().includes(`<${filter.authorEmail.toLowerCase()}>`)) {
    return false;
  }
  if (filter.touchedNoteIds && !filter.touchedNoteIds.has(note.id)) {
    return false;
  }
  return true;
}

export function describeFilter(filter: NoteFilter): string | undefined {
  const parts = [
    filter.text ? `"${filter.text}"` : undefined,
    filter.authorEmail !== undefined ? 'mine' : undefined,
    filter.touchedNoteIds ? 'changed on this branch' : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? `Filtered: ${parts.join(', ')}` : undefined;
}
