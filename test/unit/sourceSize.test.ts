// Files small and functions short (GUIDE.md: < 400 lines a file, functions < ~80): parses every
// source file under src/ with the TypeScript compiler and fails naming each file or function over
// the limit, so that the rule holds after the next edit as well as this one.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../src');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

/**
 * What may stay over the limit, each with its reason: `path/relative/to/src.ts` for a file,
 * `path.ts:name` for a function. Keep it short; an entry that is no longer needed fails the test.
 */
const ALLOWED: Record<string, string> = {
  // 82 lines, "about 80"; core/disclosure is being changed by another developer this round, so
  // its split waits for the merge rather than risk a conflict.
  'core/disclosure/webhook.ts:postToWebhook': 'disclosure is under another change this round',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** A function's name as a reader would look for it: `name`, `Class.method`, or `(anonymous)@line`. */
function functionName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  let name = node.name && ts.isIdentifier(node.name) ? node.name.text : undefined;
  if (!name && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
    name = node.parent.name.text;
  }
  if (!name && ts.isPropertyAssignment(node.parent) && ts.isIdentifier(node.parent.name)) {
    name = node.parent.name.text;
  }
  const owner = ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : '';
  return name ? `${owner}${name}` : `(anonymous)@${line}`;
}

/** Every function, method, accessor and arrow longer than `max` lines, as `name (n lines)`. */
export function longFunctions(text: string, fileName: string, max: number): { name: string; lines: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const fn = node as ts.FunctionLikeDeclaration;
      const start = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
      if (end - start + 1 > max) {
        found.push({ name: functionName(fn, source), lines: end - start + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('source size (files < 400 lines, functions < ~80)', () => {
  it('finds a long function and names it (the check can fail)', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `export function big() {\n${body}\n}\nclass K { small() { return 1; } }\nconst arrow = () => {\n${body}\n};\n`;
    assert.deepStrictEqual(
      longFunctions(text, 'x.ts', MAX_FUNCTION_LINES).map((f) => f.name),
      ['big', 'arrow'],
    );
  });

  it(`no file under src/ over ${MAX_FILE_LINES} lines and no function over ${MAX_FUNCTION_LINES}`, () => {
    const over: string[] = [];
    const used = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      const lines = lineCount(text);
      if (lines > MAX_FILE_LINES) {
        if (rel in ALLOWED) {
          used.add(rel);
        } else {
          over.push(`${rel}: ${lines} lines`);
        }
      }
      for (const fn of longFunctions(text, file, MAX_FUNCTION_LINES)) {
        const key = `${rel}:${fn.name}`;
        if (key in ALLOWED) {
          used.add(key);
        } else {
          over.push(`${key}: ${fn.lines} lines`);
        }
      }
    }
    assert.deepStrictEqual(over, []);
    assert.deepStrictEqual(Object.keys(ALLOWED).filter((k) => !used.has(k)), [], 'allow-list entries no longer needed');
  });
});
