// Which responses are new to a note's author: the person compared by e-mail (else name), the
// author's own responses never new, and "seen" by file name rather than date.
import * as assert from 'assert';
import { newResponses, samePerson } from '../../src/core/responses/responseNews';

const ADA = 'Ada Lovelace <ada@example.com>';

describe('new responses', () => {
  it('compares people by e-mail when both have one, else by name, ignoring case and spacing', () => {
    assert.strictEqual(samePerson(ADA, 'A. Lovelace <ADA@example.com>'), true, 'the same e-mail, another spelling of the name');
    assert.strictEqual(samePerson(ADA, 'Ada Lovelace <ada@work.example>'), false, 'two e-mails: they decide');
    assert.strictEqual(samePerson('Ada  Lovelace', ADA), true, 'one has no e-mail: the names decide');
    assert.strictEqual(samePerson('Grace Hopper', ADA), false);
    assert.strictEqual(samePerson(undefined, ADA), false);
    assert.strictEqual(samePerson(ADA, ''), false);
    assert.strictEqual(samePerson('<>', '<>'), false, 'no name and no e-mail is nobody');
  });

  it('are the responses by others to my note whose files I have not seen; none on someone else\'s note', () => {
    const responses = [
      { path: '/r/incidents/n/responses/2026-01-06T090807Z-grace-hopper.md', author: 'Grace Hopper <grace@example.com>' },
      { path: '/r/incidents/n/responses/2026-01-06T100000Z-ada-lovelace.md', author: ADA },
      { path: '/r/incidents/n/responses/2026-01-07T100000Z-anonymous.md', author: undefined },
      // Written before the author last looked, merged after: still new, because its file was not seen.
      { path: '/r/incidents/n/responses/2026-01-01T000000Z-alan-turing.md', author: 'Alan Turing <alan@example.com>' },
    ];
    const seen = new Set(['2026-01-06T090807Z-grace-hopper.md']);
    assert.deepStrictEqual(newResponses(responses, ADA, 'Ada <ada@example.com>', seen).map((r) => r.author), [undefined, 'Alan Turing <alan@example.com>']);
    assert.deepStrictEqual(newResponses(responses, ADA, 'Ada <ada@example.com>', new Set()).length, 3);
    assert.deepStrictEqual(newResponses(responses, 'Grace Hopper <grace@example.com>', ADA, new Set()), [], 'not my note');
    assert.deepStrictEqual(newResponses(responses, ADA, undefined, new Set()), [], 'no git user: nobody is the author');
  });
});
