// Changes fields of an existing note and nothing else: comments, unknown fields, key order, the
// spacing, the line breaks and the whole body stay byte for byte. The yaml Document API tells
// where each value sits in the source; only those characters are replaced.
import { Document, isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { splitFrontMatter } from './frontMatter';
import { YAML_LIMITS } from './noteParser';

export type FieldValue = string | number | boolean;
export type FieldChanges = Record<string, FieldValue | null>;

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Returns the note's text with `changes` applied; `null` removes a field. Throws on a broken note. */
export function setFields(text: string, changes: FieldChanges): string {
  const split = splitFrontMatter(text);
  if (!split) {
    throw new Error('The note has no front matter to change.');
  }
  const doc = parseDocument(split.yaml, YAML_LIMITS);
  if (doc.errors.length > 0) {
    throw new Error(`The note's front matter is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  }
  const map = doc.contents;
  if (map !== null && !isMap(map)) {
    throw new Error("The note's front matter is not a set of fields.");
  }
  const yaml = split.yaml;
  const edits: Edit[] = [];
  let appended = '';
  for (const [key, value] of Object.entries(changes)) {
    const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<{ range?: number[] }, { range?: number[] } | null> | undefined;
    if (value === null) {
      if (pair) {
        const end = (pair.value?.range ?? pair.key.range ?? [0, 0, 0])[2];
        edits.push({ start: lineStart(yaml, pair.key.range?.[0] ?? 0), end: lineEnd(yaml, end), text: '' });
      }
      continue;
    }
    const scalar = scalarText(value);
    if (!pair) {
      appended += `${key}: ${scalar}${split.eol}`;
    } else if (pair.value && isScalar(pair.value) && pair.value.range) {
      const [start, end] = pair.value.range;
      // An empty value (`key:`) has an empty range right after the colon.
      edits.push({ start, end, text: start === end && yaml[start - 1] === ':' ? ` ${scalar}` : scalar });
    } else if (!pair.value && pair.key.range) {
      edits.push({ start: pair.key.range[1], end: lineEnd(yaml, pair.key.range[1]) - eolLength(yaml, pair.key.range[1]), text: `: ${scalar}` });
    } else {
      throw new Error(`The field "${key}" holds a list or a set of fields; it is not replaced by a single value.`);
    }
  }
  let next = yaml;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
  }
  if (appended) {
    next += (next.length > 0 && !next.endsWith('\n') ? split.eol : '') + appended;
  }
  return text.slice(0, split.yamlStart) + next + text.slice(split.yamlStart + yaml.length);
}

/** A value as YAML writes it on one line, quoted only where it must be. */
function scalarText(value: FieldValue): string {
  if (typeof value === 'string' && /[\r\n]/.test(value)) {
    throw new Error('A field set by Candor must fit on one line.');
  }
  return new Document(value).toString({ lineWidth: 0 }).replace(/\r?\n$/, '');
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
