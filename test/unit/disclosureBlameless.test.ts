import * as assert from 'assert';
import { checkBlameless, type BlamelessFinding } from '../../src/core/disclosure/blamelessCheck';
import {
  BLAMELESS_CATEGORIES, BlamelessRuleError, compiledRules, validateBlamelessRules, withCustomRules, type BlamelessRule,
} from '../../src/core/disclosure/blamelessRule';
import { DEFAULT_BLAMELESS_RULES } from '../../src/core/disclosure/defaultBlamelessRules';

function found(text: string, rules?: readonly BlamelessRule[]): { id: string; text: string; fix?: string }[] {
  return checkBlameless(text, rules).map((f) => ({ id: f.ruleId, text: text.slice(f.start, f.end), ...(f.fix !== undefined ? { fix: f.fix } : {}) }));
}

describe('checkBlameless', () => {
  it('finds each category with its line, column, message and fix', () => {
    const note = [
      '---', // 1
      'title: Mistakes were made', // 2: front matter is not checked
      '---', // 3
      '## What I did', // 4
      '', // 5
      'Mistakes were made when I ran the script.', // 6
      'Then I just ran it again, and they should have caught it.', // 7
      "It's not my fault, honestly.", // 8
    ].join('\n');
    const findings = checkBlameless(note);
    const at = (f: BlamelessFinding): string => note.slice(f.start, f.end);
    assert.deepStrictEqual(findings.map((f) => [f.category, f.line, f.column, at(f), f.fix]), [
      ['passive-cover', 6, 1, 'Mistakes were made', 'I made mistakes'],
      ['minimising', 7, 8, 'just ', ''],
      ['blaming-others', 7, 31, 'they should have caught', undefined],
      ['excuse', 8, 1, "It's not my fault", undefined],
    ]);
    for (const f of findings) {
      assert.strictEqual(f.message, DEFAULT_BLAMELESS_RULES.find((r) => r.id === f.ruleId)!.explanation);
    }
  });

  it('counts columns and lines the same with CRLF line breaks', () => {
    const [finding] = checkBlameless('First line.\r\nI simply restarted it.');
    assert.deepStrictEqual([finding.line, finding.column, finding.start, finding.end, finding.fix], [2, 3, 15, 22, '']);
  });

  it('finds passive cover', () => {
    assert.deepStrictEqual(found('A mistake was made. An error occurred. The prod table was deleted. The alert was missed.'), [
      { id: 'mistakes-were-made', text: 'A mistake was made', fix: 'I made a mistake' },
      { id: 'errors-occurred', text: 'An error occurred' },
      { id: 'agentless-passive', text: 'was deleted' },
      { id: 'agentless-passive', text: 'was missed' },
    ]);
    assert.deepStrictEqual(found('Afterwards errors were made'), [{ id: 'mistakes-were-made', text: 'errors were made', fix: 'I made errors' }]);
  });

  it('finds blame on others', () => {
    const cases: [string, string, string][] = [
      ['They should have caught it in review.', 'should-have', 'They should have caught'],
      ["The reviewer shouldn't have approved it.", 'should-have', "The reviewer shouldn't have approved"],
      ['Someone else should’ve noticed.', 'should-have', 'Someone else should’ve noticed'],
      ['@bob broke the build.', 'broke-it', '@bob broke'],
      ['Then they broke prod.', 'broke-it', 'they broke'],
      ['It failed because of the intern.', 'because-of-person', 'because of the intern'],
      ['Blame the other team.', 'because-of-person', 'Blame the other team'],
      ["It was someone else's change.", 'someone-else', "someone else's change"],
      ['Someone else deployed it first.', 'someone-else', 'Someone else deployed'],
      ["It was Bob's fault.", 'their-fault', "Bob's fault"],
      ['It was their fault.', 'their-fault', 'their fault'],
    ];
    for (const [text, id, match] of cases) {
      assert.deepStrictEqual(found(text), [{ id, text: match }], text);
    }
  });

  it('finds minimising, with fixes that delete the word', () => {
    assert.deepStrictEqual(found('I just ran the script.'), [{ id: 'just', text: 'just ', fix: '' }]);
    assert.deepStrictEqual(found('Just restart it.'), [{ id: 'just', text: 'Just ', fix: '' }]);
    assert.deepStrictEqual(found('It affected only 3 users and only 5% of requests.'), [
      { id: 'only-a-little', text: 'only ', fix: '' },
      { id: 'only-a-little', text: 'only ', fix: '' },
    ]);
    assert.deepStrictEqual(found('I simply restarted it; I merely ran one command.'), [
      { id: 'simply', text: 'simply ', fix: '' },
      { id: 'simply', text: 'merely ', fix: '' },
    ]);
    assert.deepStrictEqual(found('It was only a small outage.'), [
      { id: 'only-a-little', text: 'only ', fix: '' },
      { id: 'a-minor-issue', text: 'a small outage' },
    ]);
    assert.deepStrictEqual(found('No big deal, nothing serious.'), [
      { id: 'no-big-deal', text: 'No big deal' },
      { id: 'no-big-deal', text: 'nothing serious' },
    ]);
  });

  it('finds excuses', () => {
    const cases: [string, string, string, string?][] = [
      ["It wasn't entirely my fault.", 'not-my-fault', "It wasn't entirely my fault"],
      ['That was not me.', 'it-wasnt-me', 'That was not me'],
      ["I didn't touch it.", 'it-wasnt-me', "I didn't touch it"],
      ['Somehow the config changed.', 'somehow', 'Somehow'],
      ['I accidentally deleted the table.', 'accidentally', 'accidentally ', ''],
      ['Anyone would have done the same.', 'anyone-would-have', 'Anyone would have done'],
      ['In my defence, the docs were wrong.', 'in-my-defence', 'In my defence'],
    ];
    for (const [text, id, match, fix] of cases) {
      assert.deepStrictEqual(found(text), [{ id, text: match, ...(fix !== undefined ? { fix } : {}) }], text);
    }
  });

  it('has no false positives on clean sentences', () => {
    const clean = [
      'We use just-in-time compilation.',
      'I had to adjust the TTL, which I can justify.',
      'I was justly worried.',
      'The volume was mounted read-only.',
      'The only option was to restart.',
      'Only after the restart did latency drop.',
      'The tests only cover the happy path.',
      'The job ran just before midnight, just as planned.',
      'It was not just the cache.',
      'I need someone else to review the fix.',
      "It was nobody's fault, and no one's fault either.",
      'It is my fault: I ran FLUSHALL.',
      'I deleted the table by running DROP TABLE.',
      'The table was deleted by me at 10:32.',
      'Thanks to them we recovered quickly.',
      'They should have access now.',
      'She reviewed it and approved it.',
      'Their service answered with 500s.',
      'This is a minor version bump.',
      'I made a small change to the config.',
      'The fix was deployed at 11:02 and the build was broken for two hours.',
      'Somewhere in the logs there is a clue.',
      'He was the bearer of bad news.',
      'I made a mistake: I ran the migration against production.',
    ];
    for (const sentence of clean) {
      assert.deepStrictEqual(found(sentence), [], sentence);
    }
  });

  it('skips front matter, fenced code, inline code, comments and URLs', () => {
    const note = [
      '---',
      'title: I just flushed it, somehow',
      '---',
      'Run `just build` and `mistakes were made` here.',
      '```sh',
      'echo "I simply ran it"',
      '```',
      '~~~',
      'somehow',
      '~~~',
      '<!-- Simply say what you did. -->',
      'See https://example.com/just-do-it/simply and www.example.com/somehow.',
      'Somehow it broke.',
    ].join('\n');
    assert.deepStrictEqual(checkBlameless(note).map((f) => [f.ruleId, f.line, f.column]), [['somehow', 13, 1]]);
  });

  it('checks everything when a note has no front matter', () => {
    assert.strictEqual(checkBlameless('I just ran it.\n---\nsomehow\n---').length, 2);
  });
});

describe('blameless rules', () => {
  it('ships valid default rules in every category', () => {
    assert.doesNotThrow(() => validateBlamelessRules(DEFAULT_BLAMELESS_RULES));
    const counts = Object.fromEntries(BLAMELESS_CATEGORIES.map((c) => [c, DEFAULT_BLAMELESS_RULES.filter((r) => r.category === c).length]));
    assert.deepStrictEqual(counts, { 'passive-cover': 3, 'blaming-others': 5, minimising: 5, excuse: 6 });
  });

  it('adds custom rules, replaces a default by id, and disables by id', () => {
    const custom = [
      { id: 'hopefully', category: 'minimising', pattern: String.raw`\bhopefully\b`, explanation: 'Say what you know.' },
      { id: 'just', category: 'minimising', pattern: String.raw`\bjust\b`, explanation: 'Our own take on "just".' },
      { id: 'we-messed', category: 'passive-cover', pattern: String.raw`\bwe\s+(messed\s+up)\b`, explanation: 'Say who.', replacement: 'I $1' },
    ];
    const rules = withCustomRules(custom, { disable: ['somehow'] });
    assert.strictEqual(rules.length, DEFAULT_BLAMELESS_RULES.length + 1);
    assert.strictEqual(rules.find((r) => r.id === 'just')!.explanation, 'Our own take on "just".');
    assert.ok(!rules.some((r) => r.id === 'somehow'));
    assert.deepStrictEqual(found('Hopefully it was just this. Somehow. We messed up.', rules), [
      { id: 'hopefully', text: 'Hopefully' },
      { id: 'just', text: 'just' },
      { id: 'we-messed', text: 'We messed up', fix: 'I messed up' },
    ]);
    assert.deepStrictEqual(withCustomRules(undefined), [...DEFAULT_BLAMELESS_RULES]);
  });

  it('uses only the rules given', () => {
    const rules: BlamelessRule[] = [{ id: 'x', category: 'excuse', pattern: String.raw`\bbad luck\b`, flags: 'u', explanation: 'Luck is not a cause.' }];
    assert.deepStrictEqual(found('Just bad luck.', rules), [{ id: 'x', text: 'bad luck' }]);
  });

  it('rejects a bad regex with the rule and the reason, before any check runs', () => {
    const bad = [{ id: 'broken', category: 'excuse', pattern: '(unclosed', explanation: 'x' }];
    assert.throws(() => validateBlamelessRules(bad), (err: unknown) => {
      assert.ok(err instanceof BlamelessRuleError);
      assert.strictEqual(err.ruleIndex, 0);
      assert.strictEqual(err.ruleId, 'broken');
      assert.match(err.message, /^Blameless rule 1 \("broken"\): "pattern" is not a valid regular expression \(.*Unterminated group.*\)\.$/);
      return true;
    });
    assert.throws(() => withCustomRules(bad), BlamelessRuleError);
    assert.throws(() => checkBlameless('text', bad as BlamelessRule[]), BlamelessRuleError);
  });

  it('rejects malformed rules with a message saying what to fix', () => {
    const base = { id: 'r', category: 'excuse', pattern: 'x+', explanation: 'Why.' };
    const cases: [unknown, RegExp][] = [
      [{ rules: [] }, /must be a list/],
      [['x'], /Blameless rule 1 must be an object/],
      [[{ ...base, id: '' }], /needs an "id"/],
      [[{ ...base, category: 'rude' }], /"category" must be one of passive-cover, blaming-others, minimising, excuse, not "rude"/],
      [[{ ...base, pattern: 42 }], /"pattern" must be a regular expression/],
      [[{ ...base, flags: 'y' }], /"flags" may hold m, s and u/],
      [[{ ...base, explanation: ' ' }], /"explanation" must say/],
      [[{ ...base, replacement: 3 }], /"replacement" must be text/],
      [[{ ...base, pattern: 'a*' }], /matches empty text/],
      [[base, { ...base }], /Blameless rule 2 \("r"\): another rule already has the id "r"/],
    ];
    for (const [input, message] of cases) {
      assert.throws(() => validateBlamelessRules(input), (err: unknown) => err instanceof BlamelessRuleError && message.test(err.message), String(message));
    }
  });
});

describe('compiled rules (kept per rules array)', () => {
  it('compiles a rules array once and reuses it; another array is compiled on its own', () => {
    const first = compiledRules(DEFAULT_BLAMELESS_RULES);
    assert.strictEqual(compiledRules(DEFAULT_BLAMELESS_RULES), first, 'the same array gives the same compiled rules');
    const copy = [...DEFAULT_BLAMELESS_RULES];
    assert.notStrictEqual(compiledRules(copy), first, 'a new array (a changed setting) is compiled again');
  });

  it('gives the same findings on every check with the reused regexes (their lastIndex is reset)', () => {
    const text = 'Mistakes were made. They should have checked.\n\nMistakes were made again.';
    const once = checkBlameless(text, DEFAULT_BLAMELESS_RULES);
    assert.ok(once.length >= 2);
    for (let i = 0; i < 3; i++) {
      assert.deepStrictEqual(checkBlameless(text, DEFAULT_BLAMELESS_RULES), once);
    }
    assert.ok(checkBlameless('Mistakes were made.', DEFAULT_BLAMELESS_RULES).some((f) => f.start === 0), 'a fresh text is matched from its start');
  });
});
