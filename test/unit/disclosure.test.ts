import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { draftDisclosure, fullMessage, type Disclosure } from '../../src/core/disclosure/draftDisclosure';
import { disclosureEdits } from '../../src/core/disclosure/disclosureEdits';
import { followUpSentence } from '../../src/core/disclosure/followUpSentences';
import { preventionMarkdown, readableTime } from '../../src/core/disclosure/noteValues';
import { checkTemplate, renderTemplate, TemplateError } from '../../src/core/disclosure/template';
import { TEMPLATE_PLACEHOLDERS, type PlaceholderName, type TemplateValues } from '../../src/core/disclosure/templatePlaceholders';
import { parseNote } from '../../src/core/noteFormat/noteParser';
import type { Note } from '../../src/core/noteFormat/noteModel';
import { updateNoteFile } from '../../src/core/noteWriting/safeNoteSave';
import { parseRemote } from '../../src/core/repository/permalinks';
import { tempDir } from './helpers/tempRepo';

// Compiled to out/test/unit: the fixtures stay in the source tree.
const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'disclosure');
const GITHUB = parseRemote('git@github.com:acme/api.git')!;

function fixtureNote(name: string): Note {
  const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const parsed = parseNote(text, `${/^id: (.*)$/m.exec(text)![1]}.md`);
  assert.deepStrictEqual(parsed.problems, []);
  return parsed.note;
}

/**
 * The expected message is stored as `Subject: …`, a blank line and the body. Run with
 * CANDOR_UPDATE_GOLDEN=1 to rewrite the files after a deliberate change, then review the diff.
 */
function assertGolden(draft: Disclosure, file: string): void {
  const actual = `Subject: ${draft.subject}\n\n${draft.body}\n`;
  const where = path.join(FIXTURES, file);
  if (process.env.CANDOR_UPDATE_GOLDEN === '1') {
    fs.writeFileSync(where, actual);
  }
  assert.strictEqual(actual, fs.readFileSync(where, 'utf8'));
}

function values(overrides: Partial<TemplateValues> = {}): TemplateValues {
  const empty = Object.fromEntries(Object.keys(TEMPLATE_PLACEHOLDERS).map((k) => [k, ''])) as TemplateValues;
  return { ...empty, title: 'Flushed the cache', severity: 'high', status: 'open', ...overrides };
}

// The full note's follow-up is due 2026-12-01: the goldens are drafted the week before.
const BEFORE_DUE = '2026-11-25';

describe('draftDisclosure', () => {
  it('drafts the full note as Markdown with permalinks (golden)', () => {
    assertGolden(draftDisclosure(fixtureNote('full-note.md'), { format: 'markdown', remote: GITHUB, today: BEFORE_DUE }), 'full.md');
  });

  it('drafts the full note as plain text with bare URLs (golden)', () => {
    assertGolden(draftDisclosure(fixtureNote('full-note.md'), { format: 'text', remote: GITHUB, today: BEFORE_DUE }), 'full.txt');
  });

  it('drafts a sparse note without a remote, leaving empty sections out (golden)', () => {
    assertGolden(draftDisclosure(fixtureNote('sparse-note.md'), { format: 'markdown' }), 'sparse.md');
    assertGolden(draftDisclosure(fixtureNote('sparse-note.md'), { format: 'text' }), 'sparse.txt');
  });

  it('says it in the first person and owns the mistake in the subject', () => {
    const draft = draftDisclosure(fixtureNote('full-note.md'), { format: 'markdown' });
    assert.strictEqual(draft.subject, 'I made a mistake: Flushed the production cache');
    assert.match(draft.body, /^\*\*Severity:\*\* high · \*\*Status:\*\* mitigated · \*\*When:\*\* 2026-11-21 10:32 UTC\n/);
    for (const label of ['What I was trying to do', 'What I did', 'What happened instead', 'Impact', "What I'm doing to recover", "What I'll change so it doesn't happen again", 'What I learned', 'What I need', 'Links']) {
      assert.ok(draft.body.includes(`**${label}**`), label);
    }
  });

  it('never lets a secret out, from any section or the title', () => {
    const note = fixtureNote('full-note.md');
    note.title = 'Leaked ghp_abcdefghijklmnopqrstuvwxyz0123456789 in a log';
    note.body += '\n## Impact\n\nAlso pasted: AKIAIOSFODNN7EXAMPLE\n';
    for (const format of ['markdown', 'text'] as const) {
      const draft = draftDisclosure(note, { format, remote: GITHUB });
      const all = draft.subject + draft.body;
      assert.doesNotMatch(all, /hunter2|ghp_abc|AKIAIOSFODNN7EXAMPLE/);
      assert.match(all, /\[redacted\]/);
    }
  });

  it('has no Markdown syntax in plain text', () => {
    const body = draftDisclosure(fixtureNote('full-note.md'), { format: 'text', remote: GITHUB }).body;
    assert.doesNotMatch(body, /\*\*|`|\]\(|^#|- \[[ x]\]|<!--/m);
    assert.match(body, /^  https:\/\/github\.com\/acme\/api\/blob\/619fb15442b60e4bdd62502e82e71484e05cf029\/src\/cache\.ts#L12-L18$/m);
  });

  it('links each file at the commit it was recorded at, else at the note\'s head', () => {
    const body = draftDisclosure(fixtureNote('full-note.md'), { format: 'markdown', remote: GITHUB }).body;
    assert.ok(body.includes('(https://github.com/acme/api/blob/619fb15442b60e4bdd62502e82e71484e05cf029/src/cache.ts#L12-L18)'));
    assert.ok(body.includes('(https://github.com/acme/api/blob/95499cfc2c45317dbc1cebaa8cf78eb7b8e3bdff/scripts/redis_admin.sh)'));
    // An untracked file was never in a commit: named, not linked.
    assert.ok(body.includes('- notes/draft.txt (not in git when recorded)'));
  });

  it('uses the team template, with its subject line', () => {
    const template = 'Subject: [{{severity}}] {{title}}\n\nHeads up from {{author}}:\n{{#impact}}\nImpact: {{impact}}\n{{/impact}}\n{{#need}}\nNeed: {{need}}\n{{/need}}\n';
    const draft = draftDisclosure(fixtureNote('sparse-note.md'), { format: 'text', template });
    assert.deepStrictEqual(draft, { subject: '[low] Pushed to the wrong branch', body: 'Heads up from :' });
    const full = draftDisclosure(fixtureNote('full-note.md'), { format: 'text', template });
    assert.strictEqual(full.subject, '[high] Flushed the production cache');
    assert.match(full.body, /^Heads up from Ada Lovelace <ada@example.com>:\nImpact: - About 2,000 users/);
    assert.match(full.body, /\nNeed: A review of the new shell profile/);
  });

  it('masks secrets written into the team template itself', () => {
    const draft = draftDisclosure(fixtureNote('sparse-note.md'), { format: 'text', template: 'token=abc123def456\n{{title}}' });
    assert.strictEqual(draft.body, 'token=[redacted]\nPushed to the wrong branch');
  });

  it('throws TemplateError for a bad team template', () => {
    assert.throws(() => draftDisclosure(fixtureNote('sparse-note.md'), { format: 'text', template: 'Hi\n{{whoops}}' }), TemplateError);
  });

  it('gives a whole message for the clipboard', () => {
    const draft = { subject: 'I made a mistake: a *b* c_d', body: 'Body' };
    assert.strictEqual(fullMessage(draft, 'text'), 'I made a mistake: a *b* c_d\n\nBody');
    assert.strictEqual(fullMessage(draft, 'markdown'), '**I made a mistake: a \\*b\\* c\\_d**\n\nBody');
  });
});

describe('prevention', () => {
  it('keeps the section\'s words and open items, drops done items', () => {
    const body = '## Prevention\n\nWhy: prompts lie.\n\n- [ ] Red prompt\n- [x] Rotated\n  - [ ] Nested follow-up\n\n## What I need\n';
    assert.strictEqual(preventionMarkdown(body), 'Why: prompts lie.\n\n- [ ] Red prompt\n  - [ ] Nested follow-up');
  });

  it('takes open items from anywhere when Prevention has none', () => {
    const body = '## What I did\n\n- [ ] Ask ops for a read-only user\n\n## Prevention\n\n- [x] Already done\n\n## Learnings\n\n- [ ] Write it up\n';
    assert.strictEqual(preventionMarkdown(body), '- [ ] Ask ops for a read-only user\n- [ ] Write it up');
  });

  it('falls back to the section\'s prose, and is empty without either', () => {
    assert.strictEqual(preventionMarkdown('## Prevention\n\nA wrapper script.\n- [x] Done already\n'), 'A wrapper script.');
    assert.strictEqual(preventionMarkdown('## Prevention\n\n- [x] Done already\n'), undefined);
    assert.strictEqual(preventionMarkdown('## What I did\n\nThings.\n'), undefined);
  });

  it('ignores task items in fenced code', () => {
    assert.strictEqual(preventionMarkdown('## Prevention\n\n```\n- [ ] not a task\n```\n'), '```\n- [ ] not a task\n```');
    assert.strictEqual(preventionMarkdown('## Impact\n\n```md\n- [ ] not a task\n```\n'), undefined);
  });
});

describe('renderTemplate', () => {
  it('fills every documented placeholder', () => {
    const names = Object.keys(TEMPLATE_PLACEHOLDERS) as PlaceholderName[];
    const filled = Object.fromEntries(names.map((n) => [n, `<${n}>`])) as TemplateValues;
    const { body } = renderTemplate(names.map((n) => `${n}={{ ${n} }}`).join('\n'), filled);
    assert.strictEqual(body, names.map((n) => `${n}=<${n}>`).join('\n'));
    for (const required of ['title', 'severity', 'status', 'author', 'occurred', 'tryingTo', 'action', 'outcome', 'impact', 'recovery', 'prevention', 'need', 'learnings', 'links', 'id']) {
      assert.ok(names.includes(required as PlaceholderName), required);
      assert.ok(TEMPLATE_PLACEHOLDERS[required as PlaceholderName].length > 10, `${required} is described`);
    }
  });

  it('drops a block, its heading and its marker lines when the value is empty', () => {
    const template = '# {{title}}\n{{#impact}}\n\n## Impact\n{{impact}}\n{{/impact}}\n{{#need}}\n\n## Need\n{{need}}\n{{/need}}\n\nEnd';
    assert.strictEqual(renderTemplate(template, values({ need: 'A review' })).body, '# Flushed the cache\n\n## Need\nA review\n\nEnd');
    assert.strictEqual(renderTemplate(template, values({ impact: '   \n ' })).body, '# Flushed the cache\n\nEnd');
  });

  it('keeps inline blocks on their line and nests blocks', () => {
    const template = 'S: {{severity}}{{#occurred}} at {{occurred}}{{/occurred}}.\n{{#impact}}\nI: {{impact}}{{#need}} / N: {{need}}{{/need}}\n{{/impact}}\n';
    assert.strictEqual(renderTemplate(template, values()).body, 'S: high.');
    assert.strictEqual(renderTemplate(template, values({ occurred: 'noon', impact: 'big' })).body, 'S: high at noon.\nI: big');
    assert.strictEqual(renderTemplate(template, values({ impact: 'big', need: 'help' })).body, 'S: high.\nI: big / N: help');
  });

  it('reads the subject from a first "Subject:" line, else uses the default', () => {
    assert.deepStrictEqual(renderTemplate('subject:  [{{severity}}] {{title}}\n\n\nBody', values()), { subject: '[high] Flushed the cache', body: 'Body' });
    assert.deepStrictEqual(renderTemplate('Body\nSubject: not this', values()), { subject: 'I made a mistake: Flushed the cache', body: 'Body\nSubject: not this' });
    assert.strictEqual(renderTemplate('Subject: {{title}} — {{impact}}\nB', values({ impact: 'two\nlines' })).subject, 'Flushed the cache — two lines');
  });

  it('reads CRLF templates and a BOM', () => {
    assert.deepStrictEqual(renderTemplate('\uFEFFSubject: {{title}}\r\n\r\n{{#impact}}\r\nX\r\n{{/impact}}\r\nY\r\n', values()), { subject: 'Flushed the cache', body: 'Y' });
  });

  it('names an unknown placeholder and its 1-based line, even inside an empty block', () => {
    const check = (template: string, line: number, name: string): void => {
      assert.throws(() => renderTemplate(template, values()), (err: unknown) => {
        assert.ok(err instanceof TemplateError);
        assert.strictEqual(err.line, line);
        assert.strictEqual(err.placeholder, name);
        assert.match(err.message, new RegExp(`\\{\\{${name}\\}\\} on line ${line}\\b`));
        return true;
      });
    };
    check('Subject: {{title}}\n\nHello\n\n{{ reporter }}', 5, 'reporter');
    check('{{#impact}}\n{{impact}}\n{{nope}}\n{{/impact}}', 3, 'nope');
    check('Subject: {{subjectLine}}', 1, 'subjectLine');
  });

  it('reports malformed and unbalanced blocks with their lines', () => {
    const lineOf = (template: string): number => {
      try {
        checkTemplate(template);
      } catch (err) {
        assert.ok(err instanceof TemplateError);
        return err.line;
      }
      throw new Error('no TemplateError');
    };
    assert.strictEqual(lineOf('a\n{{#impact}}\nno end'), 2);
    assert.strictEqual(lineOf('a\nb\n{{/impact}}'), 3);
    assert.strictEqual(lineOf('{{#impact}}\n{{#need}}\n{{/impact}}\n{{/need}}'), 3);
    assert.strictEqual(lineOf('{{#impact}}{{#impact}}{{/impact}}{{/impact}}'), 1);
    assert.strictEqual(lineOf('x\n\n{{> partial}}'), 3);
    assert.strictEqual(lineOf('{{}}'), 1);
    assert.doesNotThrow(() => checkTemplate('Plain text, { braces } and {single}.'));
  });
});

describe('readableTime', () => {
  it('shows UTC timestamps to the minute and anything else as written', () => {
    assert.strictEqual(readableTime('2026-11-21T10:32:00Z'), '2026-11-21 10:32 UTC');
    assert.strictEqual(readableTime('2026-11-21T10:32:00.123Z'), '2026-11-21 10:32 UTC');
    assert.strictEqual(readableTime('2026-11-21T10:32:00+02:00'), '2026-11-21T10:32:00+02:00');
    assert.strictEqual(readableTime(undefined), '');
  });
});

describe('disclosureEdits', () => {
  it('records when and how, to the second, in UTC', () => {
    assert.deepStrictEqual(disclosureEdits('webhook:slack', new Date('2026-11-21T10:45:07.891Z')), [
      { path: ['disclosed'], value: '2026-11-21T10:45:07Z' },
      { path: ['disclosed_via'], value: 'webhook:slack' },
    ]);
  });

  it('refuses unknown channels and invalid dates', () => {
    assert.throws(() => disclosureEdits('carrier-pigeon' as never, new Date()), RangeError);
    assert.throws(() => disclosureEdits('mail', new Date('nope')), RangeError);
  });

  it('applies with updateNoteFile, changing only those fields', async () => {
    const file = path.join(tempDir(), 'note.md');
    const original = fs.readFileSync(path.join(FIXTURES, 'sparse-note.md'), 'utf8');
    fs.writeFileSync(file, original);
    await updateNoteFile(file, disclosureEdits('mail', new Date('2026-11-22T09:00:00Z')));
    const text = fs.readFileSync(file, 'utf8');
    assert.strictEqual(text, original.replace('tags: []\n', "tags: []\ndisclosed: 2026-11-22T09:00:00Z\ndisclosed_via: mail\n"));
    await updateNoteFile(file, disclosureEdits('clipboard', new Date('2026-11-23T09:00:00Z')));
    assert.match(fs.readFileSync(file, 'utf8'), /\ndisclosed: 2026-11-23T09:00:00Z\ndisclosed_via: clipboard\n---\n/);
  });
});

describe('follow-ups in a disclosure', () => {
  const note = (body: string): Note => ({ ...fixtureNote('sparse-note.md'), body });

  it('reads as plain sentences that own the plan, with who and by when', () => {
    assert.strictEqual(followUpSentence({ text: 'Add a test covering callers of Cache.set due:2026-12-20', done: false, due: '2026-12-20' }, '2026-12-05'),
      'I will add a test covering callers of Cache.set by 20 December.');
    assert.strictEqual(followUpSentence({ text: 'Colour the prompt red @ada due:2027-01-15', done: false, owner: 'ada', due: '2027-01-15' }, '2026-12-05'),
      'Ada will colour the prompt red by 15 January 2027.');
    assert.strictEqual(followUpSentence({ text: 'Rotate the API keys @grace.hopper', done: false, owner: 'grace.hopper' }, '2026-12-05'),
      'Grace Hopper will rotate the API keys.');
  });

  it('says an overdue follow-up is overdue, and a done one is done', () => {
    assert.strictEqual(followUpSentence({ text: 'Add a test @ada due:2026-10-20', done: false, owner: 'ada', due: '2026-10-20' }, '2026-12-05'),
      'Ada was to add a test by 20 October; it is not done yet.');
    assert.strictEqual(followUpSentence({ text: 'Add a test due:2026-10-20', done: false, due: '2026-10-20' }, '2026-12-05'),
      'I said I would add a test by 20 October; it is not done yet.');
    assert.strictEqual(followUpSentence({ text: 'Rotated the Redis password @ada due:2026-10-20', done: true, owner: 'ada', due: '2026-10-20' }, '2026-12-05'),
      'Done: Rotated the Redis password.');
  });

  it('leaves no task syntax in any format: recovery items done as done, overdue as overdue', () => {
    const body = '## Recovery\n\n- [x] Restored the cache from the snapshot @ada\n- [ ] Warm the cache due:2026-10-20\n\n## Prevention\n\n- [ ] Add a guard @bob due:2026-12-20\n';
    for (const format of ['markdown', 'text'] as const) {
      const { body: text } = draftDisclosure(note(body), { format, today: '2026-12-05' });
      assert.doesNotMatch(text, /\[[ xX]\]|due:|@ada|@bob/, format);
      assert.match(text, /Done: Restored the cache from the snapshot\./);
      assert.match(text, /I said I would warm the cache by 20 October; it is not done yet\./);
      assert.match(text, /Bob will add a guard by 20 December\./);
    }
  });
});

describe('commits in a disclosure', () => {
  it('lists only the introducing and fixing commits, not the lines\' history or related reading', () => {
    const base = fixtureNote('sparse-note.md');
    const sha = (c: string) => c.repeat(40);
    const note: Note = { ...base, commits: [
      { sha: sha('a'), role: 'history', subject: 'moved files from lib/express/* to lib/' },
      { sha: sha('b'), role: 'introduced', subject: 'Tune cache TTL' },
      { sha: sha('c'), role: 'related', subject: 'Docs' },
      { sha: sha('d'), role: 'fixed', subject: 'Guard FLUSHALL' },
    ] };
    const { body } = draftDisclosure(note, { format: 'text' });
    assert.match(body, /commit bbbbbbb \(introduced\) Tune cache TTL/);
    assert.match(body, /commit ddddddd \(fixed\) Guard FLUSHALL/);
    assert.doesNotMatch(body, /aaaaaaa|moved files|ccccccc/);
  });
});
