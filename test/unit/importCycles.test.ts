// No import cycles anywhere in src/ (the architecture's one-way dependencies, GUIDE.md). Walks
// every import and export-from statement, type-only ones included, resolves relative paths to
// files, and fails naming the first cycle found. Package imports are not followed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../../src');

/** `import … from '…'`, `export … from '…'`, `import '…'`, `import('…')`, `require('…')`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) {
    return undefined;
  }
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

/** Each file's relative imports, by absolute path. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    // Comments out, so that an example in one is not taken for an import.
    const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const targets = new Set<string>();
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1]);
      if (target) {
        targets.add(target);
      }
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** The cycles found by a depth-first walk: each as the files along it, first file repeated last. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(next)), next]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) {
    if (!state.has(file)) {
      visit(file);
    }
  }
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    assert.deepStrictEqual(findCycles(graph), [['a', 'b', 'c', 'a']]);
    assert.deepStrictEqual(findCycles(new Map([['a', ['b']], ['b', []], ['c', ['a', 'b']]])), []);
  });

  it('reads imports of every kind from the sources', () => {
    const graph = importGraph(SRC);
    assert.ok(graph.size > 50, `only ${graph.size} files under ${SRC}`);
    const parser = graph.get(path.join(SRC, 'core', 'noteFormat', 'noteParser.ts')) ?? [];
    assert.ok(parser.includes(path.join(SRC, 'core', 'noteFormat', 'noteFields.ts')), 'noteParser imports noteFields');
  });

  it('none in src/', () => {
    const cycles = findCycles(importGraph(SRC)).map((cycle) => cycle.map((f) => path.relative(SRC, f)).join(' → '));
    assert.deepStrictEqual(cycles, []);
  });
});
