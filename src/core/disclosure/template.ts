// A team's disclosure template (`.candor/disclosure.md`), filled from a note. The rules, kept few
// so a template reads like the message it makes:
//
// - `{{name}}` is replaced by the value of a placeholder from TEMPLATE_PLACEHOLDERS (spaces inside
//   the braces are allowed: `{{ title }}`). Values are inserted as they are, line breaks included.
// - `{{#name}}…{{/name}}` keeps what is between only when `name` has a value (not blank), so a
//   heading and its text vanish together when a section of the note is empty. Blocks may nest.
//   A `{{#name}}` or `{{/name}}` alone on its line removes that whole line, so the markers leave
//   no blank lines behind.
// - A first line `Subject: …` sets the subject (placeholders allowed, line breaks in values become
//   spaces); it and the blank lines after it are not part of the body. Without one the subject is
//   `I made a mistake: {{title}}`.
// - An unknown name, a malformed `{{…}}` or an unbalanced block throws TemplateError naming it
//   and its 1-based line in the template, whether or not the block would be kept.
// - Everything else is literal text. Line breaks become `\n`; leading blank lines and trailing
//   whitespace of the body are dropped.
import { isPlaceholderName, TEMPLATE_PLACEHOLDERS, type PlaceholderName, type TemplateValues } from './templatePlaceholders';

export const DEFAULT_SUBJECT_TEMPLATE = 'I made a mistake: {{title}}';

export class TemplateError extends Error {
  constructor(message: string, readonly line: number, readonly placeholder?: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: PlaceholderName }
  | { kind: 'block'; name: PlaceholderName; children: TemplateNode[] };

interface ParsedTemplate {
  subject: TemplateNode[];
  body: TemplateNode[];
}

/** Checks a template without filling it, e.g. when the team's file is saved. Throws TemplateError. */
export function checkTemplate(template: string): void {
  parseTemplate(template);
}

export function renderTemplate(template: string, values: TemplateValues): { subject: string; body: string } {
  const parsed = parseTemplate(template);
  let subject = render(parsed.subject, values).replace(/\s+/g, ' ').trim();
  if (subject === '') {
    subject = render(parseSection(DEFAULT_SUBJECT_TEMPLATE, 1), values).replace(/\s+/g, ' ').trim();
  }
  const body = render(parsed.body, values).replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '');
  return { subject, body };
}

function parseTemplate(template: string): ParsedTemplate {
  const lines = template.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const subjectLine = /^subject:[ \t]*(.*)$/i.exec(lines[0]);
  if (!subjectLine) {
    return { subject: parseSection(DEFAULT_SUBJECT_TEMPLATE, 1), body: parseSection(lines.join('\n'), 1) };
  }
  let first = 1;
  while (first < lines.length && lines[first].trim() === '') {
    first++;
  }
  return {
    subject: parseSection(subjectLine[1], 1),
    body: parseSection(lines.slice(first).join('\n'), first + 1),
  };
}

const TAG = /\{\{([^{}\n]*)\}\}/g;
const TAG_INSIDE = /^[ \t]*([#/]?)[ \t]*([A-Za-z][A-Za-z0-9_]*)[ \t]*$/;

/** Parses one part of a template; `firstLine` is the 1-based template line where `source` starts. */
function parseSection(source: string, firstLine: number): TemplateNode[] {
  const root: TemplateNode[] = [];
  const open: { name: PlaceholderName; line: number; children: TemplateNode[] }[] = [];
  const children = (): TemplateNode[] => (open.length > 0 ? open[open.length - 1].children : root);
  const lineAt = (offset: number): number => firstLine + countNewlines(source, offset);
  let cursor = 0;
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(source); tag; tag = TAG.exec(source)) {
    const line = lineAt(tag.index);
    const inside = TAG_INSIDE.exec(tag[1]);
    if (!inside) {
      throw new TemplateError(
        `Malformed placeholder ${tag[0]} on line ${line} of the disclosure template: write a name in double braces, like {{title}}, or {{#impact}}…{{/impact}}.`,
        line,
      );
    }
    const [, sigil, name] = inside;
    if (!isPlaceholderName(name)) {
      throw new TemplateError(
        `Unknown placeholder {{${name}}} on line ${line} of the disclosure template. Known placeholders: ${Object.keys(TEMPLATE_PLACEHOLDERS).join(', ')}.`,
        line,
        name,
      );
    }
    let textEnd = tag.index;
    let next = tag.index + tag[0].length;
    if (sigil !== '') {
      // A block marker alone on its line takes the whole line with it.
      const lineStart = source.lastIndexOf('\n', tag.index - 1) + 1;
      const newline = source.indexOf('\n', next);
      const lineEnd = newline < 0 ? source.length : newline;
      if (lineStart >= cursor && source.slice(lineStart, tag.index).trim() === '' && source.slice(next, lineEnd).trim() === '') {
        textEnd = lineStart;
        next = newline < 0 ? source.length : newline + 1;
      }
    }
    if (textEnd > cursor) {
      children().push({ kind: 'text', text: source.slice(cursor, textEnd) });
    }
    cursor = next;
    TAG.lastIndex = next;
    if (sigil === '') {
      children().push({ kind: 'value', name });
    } else if (sigil === '#') {
      if (open.some((b) => b.name === name)) {
        throw new TemplateError(`{{#${name}}} on line ${line} of the disclosure template is inside another {{#${name}}} block.`, line, name);
      }
      const block: TemplateNode = { kind: 'block', name, children: [] };
      children().push(block);
      open.push({ name, line, children: block.children });
    } else {
      const top = open.pop();
      if (!top) {
        throw new TemplateError(`{{/${name}}} on line ${line} of the disclosure template closes no block: there is no {{#${name}}} before it.`, line, name);
      }
      if (top.name !== name) {
        throw new TemplateError(
          `{{/${name}}} on line ${line} of the disclosure template closes {{#${top.name}}} from line ${top.line}: close {{#${top.name}}} first with {{/${top.name}}}.`,
          line,
          name,
        );
      }
    }
  }
  if (cursor < source.length) {
    children().push({ kind: 'text', text: source.slice(cursor) });
  }
  const unclosed = open.pop();
  if (unclosed) {
    throw new TemplateError(
      `{{#${unclosed.name}}} on line ${unclosed.line} of the disclosure template is never closed: add {{/${unclosed.name}}} where the block ends.`,
      unclosed.line,
      unclosed.name,
    );
  }
  return root;
}

function render(nodes: TemplateNode[], values: TemplateValues): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += node.text;
    } else if (node.kind === 'value') {
      out += values[node.name] ?? '';
    } else if ((values[node.name] ?? '').trim() !== '') {
      out += render(node.children, values);
    }
  }
  return out;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}
