// The front matter's YAML read into plain values: the strict reader first, and the `yaml` package
// when the strict reader is not sure (it also explains what is wrong). Syntax errors become
// problems that point at lines of the file, never exceptions.
import type { Document } from 'yaml';
import { readStrictYaml } from './frontMatterReader';
import { yamlLib } from '../../libraries';
import type { NoteProblem } from '../noteModel';

/** YAML parse options shared with the writer: no alias expansion, duplicate keys are errors. */
export const YAML_LIMITS = { uniqueKeys: true, prettyErrors: true, maxAliasCount: 0 } as const;

/** The front matter's fields, or undefined (with problems) when it cannot be read. */
export function readYaml(yaml: string, firstLine: number, problems: NoteProblem[]): Record<string, unknown> | undefined {
  // Most notes are what Candor wrote: the strict reader gives the same value ~20 times faster.
  // When it is not sure, the `yaml` package reads the note and explains what is wrong with it.
  const fast = readStrictYaml(yaml);
  if (fast?.errors) {
    // What `yaml` would report (the strict reader reports only what it is sure of), reported alike.
    for (const err of fast.errors.slice(0, 5)) {
      problems.push(yamlProblem(err.message, err.line + firstLine - 1));
    }
    return undefined;
  }
  if (fast) {
    return fast.value ?? {};
  }
  if (nestingDepth(yaml) > MAX_NESTING) {
    // Deep enough to exhaust the stack inside `yaml`, whose report then depends on how deep the
    // stack already was: refused here, so that the same text always gets the same problem.
    problems.push({ level: 'error', message: `The front matter could not be read: it is nested more than ${MAX_NESTING} levels deep.`, line: firstLine });
    return undefined;
  }
  let doc: Document.Parsed;
  try {
    doc = yamlLib().parseDocument(yaml, YAML_LIMITS);
  } catch (err) {
    // Deeply nested input can exhaust the stack inside the parser (RangeError) rather than report.
    problems.push({ level: 'error', message: `The front matter could not be read: ${describe(err)}` });
    return undefined;
  }
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 5)) {
      problems.push(yamlProblem(err.message.split('\n')[0], err.linePos ? err.linePos[0].line + firstLine - 1 : undefined));
    }
    return undefined;
  }
  if (doc.contents !== null && !yamlLib().isMap(doc.contents)) {
    problems.push({ level: 'error', message: 'The front matter must be a set of `key: value` fields.', line: firstLine });
    return undefined;
  }
  try {
    const value = doc.toJS(YAML_LIMITS) as unknown;
    return (value ?? {}) as Record<string, unknown>;
  } catch (err) {
    problems.push({ level: 'error', message: `The front matter could not be read: ${describe(err)}` });
    return undefined;
  }
}

/** Where `yaml` says the error is, at the end of its message: lines counted from the front matter. */
const YAML_POSITION = /\s*at line \d+, column \d+:?\s*$/;

/**
 * A YAML syntax error as a problem: its line counted from the start of the file (the problem's
 * `line`, which check prints as file:line), and the message without `yaml`'s own "at line N,
 * column M:", whose line counts from the front matter and would contradict it.
 */
function yamlProblem(message: string, line: number | undefined): NoteProblem {
  const position = YAML_POSITION.exec(message);
  const text = (position ? message.slice(0, position.index) : message).replace(/[\s:]+$/, '');
  return { level: 'error', message: `Invalid YAML: ${text}${/[.!?]$/.test(text) ? '' : '.'}`, line };
}

/** Far more than any note needs; `yaml` reads 500 levels safely, 1,000 can exhaust the stack. */
const MAX_NESTING = 256;

/** An upper bound of the nesting: open flow brackets, or a line's indentation in columns. */
function nestingDepth(yaml: string): number {
  let deepest = 0;
  let open = 0;
  let indent = 0;
  let atLineStart = true;
  for (let i = 0; i < yaml.length; i++) {
    const ch = yaml.charCodeAt(i);
    if (ch === 10) {
      atLineStart = true;
      indent = 0;
      continue;
    }
    if (atLineStart && (ch === 32 || ch === 9)) {
      indent++;
      deepest = Math.max(deepest, indent);
      continue;
    }
    atLineStart = false;
    if (ch === 91 || ch === 123) {
      deepest = Math.max(deepest, ++open);
    } else if ((ch === 93 || ch === 125) && open > 0) {
      open--;
    }
  }
  return deepest;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
