// Changes fields of an existing note and nothing else: comments, unknown fields, key order, the
// spacing, the line breaks and the whole body stay byte for byte. The yaml Document API tells
// where each value sits in the source; only those characters are replaced.
import type { Document, Pair, YAMLMap } from 'yaml';
import { yamlLib } from '../libraries';
import { splitFrontMatter, type FrontMatterSplit } from '../noteFormat/frontMatter/frontMatter';
import { YAML_LIMITS } from '../noteFormat/frontMatter/frontMatterYaml';

export type FieldValue = string | number | boolean | number[] | string[];
export type FieldChanges = Record<string, FieldValue | null>;
/** Where a field sits: `['status']`, `['files', 0, 'lines']`. */
export type FieldPath = (string | number)[];

/** Returns the note's text with top-level `changes` applied; `null` removes a field. Throws on a broken note. */
export function setFields(text: string, changes: FieldChanges): string {
  let next = text;
  for (const [key, value] of Object.entries(changes)) {
    next = setField(next, [key], value);
  }
  return next;
}

/** Sets (or, with `null`, removes) one field anywhere in the front matter; the parent must exist. */
export function setField(text: string, path: FieldPath, value: FieldValue | null): string {
  const { split, doc } = editableFrontMatter(text);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (parent === null && parentPath.length === 0 && typeof key === 'string') {
    return replaceYaml(text, split, split.yaml.length, split.yaml.length, value === null ? '' : `${key}: ${render(value, 2, split.eol)}${split.eol}`);
  }
  if (!yamlLib().isMap(parent) || typeof key !== 'string') {
    throw new Error(`The note has no set of fields at ${parentPath.join('.') || 'the top'}.`);
  }
  const yaml = split.yaml;
  const pair = parent.items.find((p) => yamlLib().isScalar(p.key) && p.key.value === key) as Pair<{ range?: number[] }, { range?: number[] } | null> | undefined;
  const keyStart = pair?.key.range?.[0];

  if (value === null) {
    if (!pair || keyStart === undefined) {
      return text;
    }
    const end = (pair.value?.range ?? pair.key.range ?? [0, 0, 0])[2];
    return replaceYaml(text, split, lineStart(yaml, keyStart), lineEnd(yaml, end), '');
  }

  if (!pair || keyStart === undefined) {
    // A new field goes after the map's last field, at the same indentation as its first key.
    const column = mapColumn(yaml, parent);
    const last = parent.items[parent.items.length - 1] as Pair<{ range?: number[] }, { range?: number[] } | null> | undefined;
    const lastEnd = last ? (last.value?.range ?? last.key.range ?? [0, 0, 0])[2] : yaml.length;
    const at = lineEnd(yaml, lastEnd);
    const prefix = at > 0 && yaml[at - 1] !== '\n' ? split.eol : '';
    return replaceYaml(text, split, at, at, `${prefix}${' '.repeat(column)}${key}: ${withoutEol(render(value, column + 2, split.eol))}${split.eol}`);
  }

  const node = pair.value;
  const column = keyStart - lineStart(yaml, keyStart);
  const rendered = render(value, column + 2, split.eol);
  if (!node || !node.range) {
    // `key:` with nothing after it.
    const at = pair.key.range![1];
    return replaceYaml(text, split, at, lineEnd(yaml, at) - eolLength(yaml, at), `: ${rendered}`);
  }
  if (!yamlLib().isScalar(node) && !(yamlLib().isSeq(node) && (node as { flow?: boolean }).flow)) {
    throw new Error(`The field "${path.join('.')}" holds a list or a set of fields; it is not replaced by a single value.`);
  }
  const [start, end] = node.range;
  // A block scalar's range ends after its last line break, a plain one before it: the
  // replacement ends the same way, so the lines around it keep their breaks.
  const replacement = /\n$/.test(yaml.slice(start, end)) ? `${withoutEol(rendered)}${split.eol}` : withoutEol(rendered);
  const space = start === end && yaml[start - 1] === ':' ? ' ' : '';
  return replaceYaml(text, split, start, end, `${space}${replacement}`);
}

/**
 * Appends a map (`{ sha, role, subject }`) to a top-level list such as `commits`, in block style
 * at the list's indentation. An absent field or an empty `[]` becomes a block list.
 */
export function appendListItem(text: string, key: string, item: Record<string, string | number>): string {
  const { split, doc } = editableFrontMatter(text);
  const map = doc.contents;
  if (map !== null && !yamlLib().isMap(map)) {
    throw new Error("The note's front matter is not a set of fields.");
  }
  const yaml = split.yaml;
  const eol = split.eol;
  const pair = map?.items.find((p) => yamlLib().isScalar(p.key) && p.key.value === key) as Pair<{ range?: number[] }, { range?: number[]; items?: unknown[]; flow?: boolean } | null> | undefined;
  const entries = Object.entries(item);
  const block = (indent: number) => entries
    .map(([k, v], i) => `${' '.repeat(indent)}${i === 0 ? '- ' : '  '}${k}: ${scalarText(v)}`)
    .join(eol) + eol;
  const seq = pair?.value;
  if (seq && yamlLib().isSeq(seq) && !seq.flow && seq.items.length > 0 && seq.range) {
    const first = seq.items[0] as { range?: number[] };
    const itemStart = first.range?.[0] ?? seq.range[0];
    // The column of the `-` that starts the first item.
    const dash = yaml.lastIndexOf('-', itemStart);
    const indent = dash - lineStart(yaml, dash);
    const at = lineEnd(yaml, seq.range[2] - 1);
    return replaceYaml(text, split, at, at, block(indent));
  }
  if (!pair || !seq || (yamlLib().isSeq(seq) && seq.items.length === 0)) {
    const keyText = `${key}:${eol}${block(2)}`;
    if (!pair) {
      return setFieldRaw(text, split, keyText);
    }
    const start = lineStart(yaml, pair.key.range![0]);
    const end = lineEnd(yaml, (seq?.range ?? pair.key.range!)[2] - 1);
    return replaceYaml(text, split, start, end, keyText);
  }
  throw new Error(`The field "${key}" is not a list.`);
}

/** Appends raw YAML lines at the end of the front matter. */
function setFieldRaw(text: string, split: FrontMatterSplit, lines: string): string {
  const yaml = split.yaml;
  const prefix = yaml.length > 0 && !yaml.endsWith('\n') ? split.eol : '';
  return replaceYaml(text, split, yaml.length, yaml.length, prefix + lines);
}

/** The front matter parsed for editing, or an Error a person can act on. */
function editableFrontMatter(text: string): { split: FrontMatterSplit; doc: Document.Parsed } {
  const split = splitFrontMatter(text);
  if (!split) {
    throw new Error('The note has no front matter to change.');
  }
  const doc = yamlLib().parseDocument(split.yaml, YAML_LIMITS);
  if (doc.errors.length > 0) {
    throw new Error(`The note's front matter is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  }
  return { split, doc };
}

function withoutEol(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function replaceYaml(text: string, split: FrontMatterSplit, start: number, end: number, insert: string): string {
  const yaml = split.yaml.slice(0, start) + insert + split.yaml.slice(end);
  return text.slice(0, split.yamlStart) + yaml + text.slice(split.yamlStart + split.yaml.length);
}

/**
 * A value as it is written after `key: `: scalars on one line, quoted only where they must be;
 * lists of scalars in flow style; multi-line text as a `|-` block indented to `indent`.
 */
function render(value: FieldValue, indent: number, eol: string): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => scalarText(v)).join(', ')}]`;
  }
  if (typeof value === 'string' && /[\r\n]/.test(value)) {
    const lines = value.split(/\r?\n/);
    return `|-${eol}${lines.map((l) => (l === '' ? '' : `${' '.repeat(indent)}${l}`)).join(eol)}${eol}`;
  }
  return scalarText(value);
}

function scalarText(value: string | number | boolean): string {
  return new (yamlLib().Document)(value).toString({ lineWidth: 0 }).replace(/\r?\n$/, '');
}

function mapColumn(yaml: string, map: YAMLMap): number {
  const first = map.items[0] as Pair<{ range?: number[] }, unknown> | undefined;
  const start = first?.key.range?.[0];
  return start === undefined ? 0 : start - lineStart(yaml, start);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break that ends the line holding `offset`. */
function lineEnd(text: string, offset: number): number {
  const index = text.indexOf('\n', Math.max(offset - 1, 0));
  return index < 0 ? text.length : index + 1;
}

function eolLength(text: string, offset: number): number {
  const end = lineEnd(text, offset);
  if (text[end - 1] !== '\n') {
    return 0;
  }
  return text[end - 2] === '\r' ? 2 : 1;
}
