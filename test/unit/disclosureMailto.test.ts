import * as assert from 'assert';
import { mailtoUrl, MailtoError, TRUNCATION_NOTE } from '../../src/core/disclosure/mailto';

/** The decoded fields of a mailto URL. */
function fields(url: string): { to: string; subject?: string; body?: string } {
  assert.match(url, /^mailto:/);
  const [to, query = ''] = url.slice('mailto:'.length).split('?');
  const out: { to: string; subject?: string; body?: string } = { to: decodeURIComponent(to) };
  for (const pair of query.split('&').filter(Boolean)) {
    const [key, value] = pair.split('=');
    out[key as 'subject' | 'body'] = decodeURIComponent(value);
  }
  return out;
}

describe('mailtoUrl', () => {
  it('encodes per RFC 6068: %20 for spaces, %0D%0A for line breaks, UTF-8, reserved characters', () => {
    const { url, truncated } = mailtoUrl({
      to: ['ada@example.com', 'ops+alerts@example.com'],
      subject: 'I made a mistake: Flushed the cache & more?',
      body: 'Line one\nLine two\r\nCafé #3 = 100%',
    });
    assert.strictEqual(truncated, false);
    assert.strictEqual(
      url,
      'mailto:ada@example.com,ops%2Balerts@example.com' +
        '?subject=I%20made%20a%20mistake%3A%20Flushed%20the%20cache%20%26%20more%3F' +
        '&body=Line%20one%0D%0ALine%20two%0D%0ACaf%C3%A9%20%233%20%3D%20100%25',
    );
    assert.doesNotMatch(url, /\+(?!alerts)| /);
    assert.deepStrictEqual(fields(url), {
      to: 'ada@example.com,ops+alerts@example.com',
      subject: 'I made a mistake: Flushed the cache & more?',
      body: 'Line one\r\nLine two\r\nCafé #3 = 100%',
    });
  });

  it('leaves the recipients to the author when none are given', () => {
    assert.strictEqual(mailtoUrl({ to: [], subject: 'S', body: '' }).url, 'mailto:?subject=S');
  });

  it('refuses recipients that would inject headers or fields', () => {
    for (const bad of ['ada@example.com\r\nBcc: eve@example.com', 'ada@example.com\nx', 'ada@example.com?cc=eve@example.com',
      'ada@example.com&body=hi', 'Ada <ada@example.com>', 'ada@example.com,eve@example.com', 'no-at-sign', '', 'ada@example.com#x', 'a%0A@x.com']) {
      assert.throws(() => mailtoUrl({ to: [bad], subject: 's', body: 'b' }), MailtoError, JSON.stringify(bad));
    }
  });

  it('masks secrets in the subject and body', () => {
    const { url } = mailtoUrl({ to: [], subject: 'token=abc123def', body: 'password: hunter2' });
    assert.deepStrictEqual(fields(url), { to: '', subject: 'token=[redacted]', body: 'password: [redacted]' });
  });

  it('cuts a long body after the last whole line that fits and says where the rest is', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i + 1}: what happened, in some detail.`);
    const { url, truncated } = mailtoUrl({ to: ['ada@example.com'], subject: 'Subject', body: lines.join('\n') }, 2000);
    assert.strictEqual(truncated, true);
    assert.ok(url.length <= 2000, String(url.length));
    const body = fields(url).body!;
    assert.ok(body.endsWith(`\r\n\r\n${TRUNCATION_NOTE}`));
    const kept = body.slice(0, -`\r\n\r\n${TRUNCATION_NOTE}`.length).split('\r\n');
    assert.deepStrictEqual(kept, lines.slice(0, kept.length));
    assert.ok(kept.length > 10);
    // One more line would not have fitted.
    const withOneMore = mailtoUrl({ to: ['ada@example.com'], subject: 'Subject', body: [...kept, lines[kept.length]].join('\n') }, 1e6).url;
    assert.ok(withOneMore.length + `%0D%0A%0D%0A${encodeURIComponent(TRUNCATION_NOTE)}`.length > 2000);
  });

  it('keeps a message of exactly maxLength whole and cuts one character more', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of the message`);
    const message = { to: ['ada@example.com'], subject: 'S', body: lines.join('\n') };
    const whole = mailtoUrl(message, 1e6).url;
    assert.deepStrictEqual(mailtoUrl(message, whole.length), { url: whole, truncated: false });
    const cut = mailtoUrl(message, whole.length - 1);
    assert.strictEqual(cut.truncated, true);
    assert.ok(cut.url.length <= whole.length - 1);
    const body = fields(cut.url).body!;
    const kept = body.slice(0, -`\r\n\r\n${TRUNCATION_NOTE}`.length).split('\r\n');
    assert.deepStrictEqual(kept, lines.slice(0, kept.length));
    assert.ok(kept.length >= 36 && kept.length < 40, String(kept.length));
  });

  it('sends only the note when not even the first line fits with it', () => {
    const cut = mailtoUrl({ to: [], subject: 'S', body: 'x'.repeat(500) }, 200);
    assert.deepStrictEqual(fields(cut.url), { to: '', subject: 'S', body: TRUNCATION_NOTE });
  });

  it('cuts a subject too long for any body, and fails only when the recipients cannot fit', () => {
    const { url, truncated } = mailtoUrl({ to: [], subject: 'word '.repeat(200), body: 'body' }, 300);
    assert.strictEqual(truncated, true);
    assert.ok(url.length <= 300);
    assert.match(fields(url).subject!, /^word word .*…$/);
    assert.strictEqual(fields(url).body, TRUNCATION_NOTE);
    assert.throws(() => mailtoUrl({ to: ['a-very-long-address@example.com'], subject: 'S', body: 'B' }, 30), MailtoError);
  });

  it('survives a lone surrogate instead of throwing', () => {
    assert.match(mailtoUrl({ to: [], subject: 'x\uD800y', body: '' }).url, /x%EF%BF%BDy/);
  });
});
