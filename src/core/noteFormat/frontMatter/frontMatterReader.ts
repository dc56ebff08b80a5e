// A strict reader for the small part of YAML that notes use: what renderNote writes and the
// usual hand edits. Parsing with the `yaml` package costs about 20 times reading the file, and
// the index parses every note, so the common case is read here and anything else is handed
// back ("not sure") for the `yaml` package to read, report and explain.
//
// The rule that keeps this safe: whenever this returns a value, it is the value `yaml` would
// return (parseDocument + toJS, YAML 1.2 core schema, as parseNote calls it). The subset: block
// maps, block sequences (of maps or scalars), one-line flow sequences of scalars, one-line plain,
// single- and double-quoted scalars, `|` literals (with `-`/`+` and an indentation digit),
// comments, CRLF. Anything else (anchors, aliases, tags, flow maps, folded `>` scalars,
// multi-line plain or quoted scalars, quoted or unusual keys, tabs for indentation, directives,
// document markers, deep nesting, odd control characters) returns undefined. The differential
// test (test/unit/frontMatterReader.test.ts) compares both readers on writer output, hand edits and a
// fuzz set.
//
// Two mistakes people make by hand are reported here, exactly as `yaml` reports them, when the
// rest of the document is within the subset: a key given twice in a map (a merge often does it)
// and a flow list `[` left open at the end of a top-level line. `yaml` takes about a millisecond
// per such note, as long as a hundred well-formed ones take here.
//
// The reader is in six files: this entry point (and the characters it refuses outright),
// frontMatterLines (the line table and the one way to give up), frontMatterBlocks (maps,
// sequences, values), frontMatterScalars (the core schema and quoted scalars), frontMatterFlow
// (`[a, b]`) and frontMatterLiteral (`|` blocks).

import { BlockReader, type StrictYamlError } from './frontMatterBlocks';
import { NOT_SURE } from './frontMatterLines';

export type { StrictYamlError };

/**
 * What the reader found: the document's top-level map, or null for an empty document; or, when
 * `errors` is set, the errors `yaml` gives for it (then `value` means nothing).
 */
export interface StrictYamlResult {
  value: Record<string, unknown> | null;
  errors?: StrictYamlError[];
}

// Characters the YAML spec does not allow raw (C0 and C1 controls, DEL, BOM, non-characters) and
// the line and paragraph separators whose handling differs between versions, plus a carriage
// return that is not part of CRLF. The `yaml` package deals with these in its own ways; leave them
// to it. Two tests rather than one alternation, and a regular expression rather than a loop over
// the characters: both measured faster.
const UNUSUAL_RANGES = '\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff';
const UNUSUAL_CHARS = new RegExp(`[${UNUSUAL_RANGES}]`);
const LONE_CR = /\r(?!\n)/;

/**
 * Reads `src` if it is within the subset; undefined means "not sure, ask `yaml`". Never throws.
 * `src` is the text between the front matter fences, so it ends with a line break.
 */
export function readStrictYaml(src: string): StrictYamlResult | undefined {
  if (src.length > 0 && src.charCodeAt(src.length - 1) !== 10) {
    return undefined;
  }
  if (UNUSUAL_CHARS.test(src) || (src.includes('\r') && LONE_CR.test(src))) {
    return undefined;
  }
  try {
    const reader = new BlockReader(src);
    const value = reader.document();
    return reader.errors.length > 0 ? { value, errors: reader.errors } : { value };
  } catch (err) {
    if (err === NOT_SURE) {
      return undefined;
    }
    // A bug here must not cost a note: the `yaml` package still reads it.
    return undefined;
  }
}
