// The strict front matter reader (frontMatterReader.ts) against the `yaml` package: whenever the fast reader returns a
// value, it must be exactly the value `yaml` gives. Three sources of documents: every kind of
// note the writer produces, hand-edited variants, and a fuzz set built from the subset's grammar
// plus mutations. Seeds are fixed so a failure reproduces; CANDOR_FUZZ_SEED tries another.
import * as assert from 'assert';
import { isMap, parseDocument } from 'yaml';
import { readStrictYaml } from '../../src/core/noteFormat/frontMatter/frontMatterReader';
import { splitFrontMatter } from '../../src/core/noteFormat/frontMatter/frontMatter';
import { YAML_LIMITS } from '../../src/core/noteFormat/frontMatter/frontMatterYaml';
import { renderNote } from '../../src/core/noteWriting/newNoteFile';
import { mutate, PLAIN_DRAFT, random, randomDocument, randomDraft, SEED } from './helpers/yamlFuzz';

type Outcome = { ok: true; value: unknown } | { ok: false; errors?: { message: string; line: number }[] };

/** What parseNote's slow path makes of the text: a map (or null), its errors, or "not a usable map". */
function viaYaml(src: string): Outcome {
  try {
    const doc = parseDocument(src, YAML_LIMITS);
    if (doc.errors.length > 0) {
      return { ok: false, errors: doc.errors.map((e) => ({ message: e.message.split('\n')[0], line: e.linePos?.[0].line ?? -1 })) };
    }
    if (doc.contents !== null && !isMap(doc.contents)) {
      return { ok: false };
    }
    return { ok: true, value: doc.toJS(YAML_LIMITS) ?? null };
  } catch {
    return { ok: false };
  }
}

interface Tally {
  total: number;
  fast: number;
  /** Documents the fast reader reported errors for (each checked against `yaml`'s). */
  errors?: number;
}

/** Checks one document; returns whether the fast reader answered. */
function check(src: string, tally: Tally): boolean {
  tally.total++;
  const fast = readStrictYaml(src);
  if (!fast) {
    return false;
  }
  tally.fast++;
  const slow = viaYaml(src);
  if (fast.errors) {
    tally.errors = (tally.errors ?? 0) + 1;
    assert.ok(!slow.ok, `the fast reader reported errors yaml does not see:\n${JSON.stringify(src)}\n${JSON.stringify(fast.errors)}`);
    assert.deepStrictEqual(fast.errors, slow.errors, `errors differ for:\n${JSON.stringify(src)}`);
    return true;
  }
  assert.ok(slow.ok, `the fast reader accepted what yaml rejects:\n${JSON.stringify(src)}\nfast: ${JSON.stringify(fast.value)}`);
  assert.deepStrictEqual(fast.value, slow.value, `values differ for:\n${JSON.stringify(src)}`);
  return true;
}

function frontMatterOf(text: string): string {
  const split = splitFrontMatter(text);
  assert.ok(split, 'the writer always writes front matter');
  return split.yaml;
}

describe('fast front matter reader', () => {
  it('reports a key given twice and a flow list left open as yaml does, when the rest is plain', () => {
    const reported = [
      'a: 1\nb: 2\na: 3\nc:\n  - x: 1\n    x: 2\n',
      'id: x\ntitle: [unclosed\nstatus: open\nseverity: high\ncommits: []\ntags: [a, b]\n',
      'title: [a,\nstatus: open\n', 'title: [\nstatus: open\n', 'status: open\ntitle: [a\n', 'title: [a\n# c\nstatus: open\n',
      'title: [a\n\nstatus: open\n', 'title: [a  \nstatus: open\n', "title: [a, 'b c'\nstatus: open\nstatus: x\n",
      'title: [a\r\nstatus: open\r\n', 'title: [a\nstatus: [b\nx: 1\n', 'title: [a\nstatus: |\n  x\n', 'a: 1\na: 2\nb: [x\nc: 1\n',
      'a: [x\n# c\n', 'a: 1\nb: [x\n\n', 'a: [x\nb: 1\nb: 2\nb: 3\n', 'files:\n  - path: a\n    commit: x\n    commit: y\n',
      'a: [x\na: 1\n', 'a: [x,\na: 1\n',
    ];
    const tally: Tally = { total: 0, fast: 0 };
    for (const src of reported) {
      assert.ok(check(src, tally), `reported fast: ${JSON.stringify(src)}`);
    }
    assert.strictEqual(tally.errors, reported.length);
    // Flow lists left open in fuzzed documents: the closing bracket of one line dropped.
    const rnd = random(SEED + 7);
    const opened: Tally = { total: 0, fast: 0 };
    for (let i = 0; i < 1500; i++) {
      const lines = randomDocument(rnd).split('\n');
      const withList = lines.map((line, n) => (line.trimEnd().endsWith(']') ? n : -1)).filter((n) => n >= 0);
      if (withList.length > 0) {
        const n = withList[Math.floor(rnd() * withList.length)];
        lines[n] = lines[n].replace(/\](\s*)$/, '$1');
        check(lines.join('\n'), opened);
      }
    }
    assert.ok((opened.errors ?? 0) > 50, `only ${opened.errors ?? 0} open lists reported fast`);
    // Where `yaml` finds more to say, or the list may go on, it says it.
    for (const src of [
      'title: [a\n- x\n', 'title: [a\n  b]\nstatus: open\n', 'a:\n  - [x\n', 'title: [a # c\nstatus: open\n', 'a: 1\na: &x 2\n',
      'a:\n  b: [x\n  c: 1\n', 'a:\n  - b: [x\n    c: 1\n', 'a:\na: 1\n', 'a: 1 # c\na: 2\n', 'a: 1\n\na: 2\n',
    ]) {
      assert.strictEqual(readStrictYaml(src), undefined, JSON.stringify(src));
    }
  });

  it('reads every kind of note the writer produces exactly as yaml does', function () {
    // Thousands of documents through both readers: slow on a busy machine, never a timing test.
    this.timeout(120000);
    const rnd = random(SEED);
    const everyday: Tally = { total: 0, fast: 0 };
    for (let i = 0; i < 1500; i++) {
      check(frontMatterOf(renderNote('2026-01-01-x', randomDraft(rnd, false))), everyday);
    }
    for (const title of ['Flushed the production cache', 'Déployé: "prod" #1', "it's - [x] {a: b} & *ref", '缓存被清空', 'yes', '123', 'null', '- dash', ' lead', 'trail ', 'a\tb', '\tb']) {
      assert.ok(check(frontMatterOf(renderNote('2026-01-01-x', { ...PLAIN_DRAFT, title })), everyday), `not read fast: ${title}`);
    }
    // With control characters, line separators and untidy anchors, yaml is asked more often.
    const adversarial: Tally = { total: 0, fast: 0 };
    for (let i = 0; i < 1500; i++) {
      check(frontMatterOf(renderNote('2026-01-01-x', randomDraft(rnd, true))), adversarial);
    }
    console.log(`      writer output: ${everyday.fast} of ${everyday.total} read fast (${pct(everyday)}); with pasted control characters: ${adversarial.fast} of ${adversarial.total} (${pct(adversarial)})`);
    // What Log Mistake writes must (almost) never need the slow path: that is the point.
    assert.ok(everyday.fast / everyday.total > 0.99, `only ${pct(everyday)} read fast`);
  });

  it('reads hand-edited notes as yaml does, and leaves unusual YAML to it', () => {
    const tally: Tally = { total: 0, fast: 0 };
    const fastOnes = [
      HAND_EDITED,
      HAND_EDITED.replace(/\n/g, '\r\n'),
      'id: x   # never change this\n# a comment\n\ntitle: "Flushed: the cache"\nstatus: open       # open until the fix ships\n',
      'files:\n- path: src/a.ts\n  lines: [ 12, 18 ]\n- path: src/b.ts\ntags: []\n',
      'files:\n  - path: src/a.ts   # the cache\n    lines: [12, 18]\n    anchor: |-\n      if (x) {\n        y();\n    commit: abcdef1\n  - path: src/b.ts\ntags: [a]\n',
      'anchor: |2-\n    indented\n  not\n',
      'anchor: |\n  a\n\n  b\n\n\nnext: 1\n',
      'anchor: |+\n  selection ending in blank lines\n\n\nnext: 1\n',
      "title: 'it''s'\nsubject: \"tab\\there \\u00e9 \\x41 \\U0001F600 \\\\ \\\"\"\n",
      'tags: [k8s, "a, b", \'c\', 12, null, true]\n',
      'title:\nstatus: ~\n',
      '# only a comment\n',
      '',
      'reviewers: [grace, linus]   # not a Candor field\n',
    ];
    for (const src of fastOnes) {
      assert.ok(check(src, tally), `expected the fast path for ${JSON.stringify(src)}`);
    }
    const slowOnes = [
      'custom:\n  nested: {a: 1}\n',                 // flow map
      'a: &x 1\nb: *x\n',                             // anchor, alias
      'a: !tag 1\n',                                  // tag
      'a: >\n  folded\n',                             // folded scalar
      'a: |-+\n  two chomping indicators\n',          // invalid header
      'a: multi\n  line\n',                           // multi-line plain
      'a: "multi\n  line"\n',                         // multi-line quoted
      'a:\na: 2\n',                                   // duplicate key after an empty value (yaml reports it elsewhere)
      '? a\n: 1\n',                                   // explicit key
      'a:\n\t- b\n',                                  // tab indentation
      '%YAML 1.2\n---\na: 1\n',                       // directive, document marker
      'a: 1\n--- \nb: 2\n',                           // second document
      '"quoted key": 1\n',                            // quoted key
      'null: 1\n',                                    // key the core schema reads as null
      '- a\n- b\n',                                   // not a map
      'a: [1, [2]]\n',                                // nested flow
      'a: [1,\n  2]\n',                               // multi-line flow
      `a:${'\n  b:'.repeat(40)} 1\n`,                 // very deep nesting
      'a: \u2028\n',                                  // line separator
      'a: "\\q"\n',                                   // invalid escape
    ];
    for (const src of slowOnes) {
      assert.strictEqual(readStrictYaml(src), undefined, `expected the slow path for ${JSON.stringify(src)}`);
    }
  });

  it('agrees with yaml on a fuzz set built from the subset grammar plus mutations', () => {
    const rnd = random(SEED + 1);
    const grammar: Tally = { total: 0, fast: 0 };
    const mutated: Tally = { total: 0, fast: 0 };
    for (let i = 0; i < 3000; i++) {
      const doc = randomDocument(rnd);
      check(doc, grammar);
      for (let m = 0; m < 2; m++) {
        check(mutate(rnd, doc), mutated);
      }
    }
    console.log(`      fuzz: ${grammar.fast} of ${grammar.total} grammar documents read fast (${pct(grammar)}), ${mutated.fast} of ${mutated.total} mutated (${pct(mutated)}), errors reported for ${mutated.errors ?? 0}`);
    assert.ok((mutated.errors ?? 0) > 100, `only ${mutated.errors ?? 0} mutated documents had their errors reported fast`);
    // The test is only worth something if the fast path is taken often.
    assert.ok(grammar.fast / grammar.total > 0.4, `only ${pct(grammar)} of grammar documents read fast`);
    assert.ok(mutated.fast > 1000, `only ${mutated.fast} mutated documents read fast`);
  });
});

function pct(t: Tally): string {
  return `${((100 * t.fast) / Math.max(1, t.total)).toFixed(1)}%`;
}

const HAND_EDITED = [
  '# Reviewed with the team on Monday',
  'id: 2026-11-21-x   # never change this',
  'title: "Flushed: the cache"',
  'status: open       # open until the TTL fix ships',
  'severity: high',
  'reviewers: [grace, linus]   # not a Candor field',
  'files:',
  '  - path: src/cache.ts',
  '    lines: [ 12, 18 ]',
  'tags: []',
  '',
].join('\n');

