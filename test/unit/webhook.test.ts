import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { detectWebhookKind, postToWebhook, WebhookError } from '../../src/core/disclosure/webhook';
import type { WebhookKind } from '../../src/core/disclosure/webhookPayload';

interface Received {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on 127.0.0.1, answering each request with `answer`. */
class TestServer {
  readonly received: Received[] = [];
  private readonly server: http.Server;

  constructor(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        answer(req, res);
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    // A server that never answered still holds its sockets: cut them, or close() waits forever.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// The path of a webhook URL is its secret: it must never appear in an error.
const SECRET_PATH = '/hooks/T0SECRET/B0SECRET/s3cr3tS3cr3t';

async function rejection(promise: Promise<unknown>): Promise<WebhookError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof WebhookError, String(err));
    assert.ok(!err.message.includes('SECRET') && !err.message.includes('s3cr3t'), err.message);
    return err;
  }
  throw new Error('expected a WebhookError');
}

describe('postToWebhook', () => {
  let servers: TestServer[] = [];
  const serve = async (answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<{ server: TestServer; base: string }> => {
    const server = new TestServer(answer);
    servers.push(server);
    return { server, base: await server.listen() };
  };
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });

  const message = {
    subject: 'I made a mistake: Flushed the cache',
    body: 'WHAT I DID\nI ran FLUSHALL & more.',
    markdownBody: '**What I did**\n\nI ran `FLUSHALL` & [more](https://x.test/a).',
  };

  const expected: Record<WebhookKind, unknown> = {
    slack: {
      text: '*I made a mistake: Flushed the cache*\n\n*What I did*\n\nI ran `FLUSHALL` &amp; <https://x.test/a|more>.',
      mrkdwn: true,
    },
    teams: {
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: 'I made a mistake: Flushed the cache',
      title: 'I made a mistake: Flushed the cache',
      text: '**What I did**\n\nI ran `FLUSHALL` & [more](https://x.test/a).',
    },
    mattermost: { text: '**I made a mistake: Flushed the cache**\n\n**What I did**\n\nI ran `FLUSHALL` & [more](https://x.test/a).' },
    generic: {
      subject: 'I made a mistake: Flushed the cache',
      text: 'WHAT I DID\nI ran FLUSHALL & more.',
      markdown: '**What I did**\n\nI ran `FLUSHALL` & [more](https://x.test/a).',
    },
  };
  for (const kind of Object.keys(expected) as WebhookKind[]) {
    it(`POSTs the ${kind} payload as JSON`, async () => {
      const { server, base } = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok'));
      assert.deepStrictEqual(await postToWebhook(`${base}${SECRET_PATH}`, kind, message), { status: 200 });
      assert.strictEqual(server.received.length, 1);
      const [request] = server.received;
      assert.strictEqual(request.method, 'POST');
      assert.strictEqual(request.url, SECRET_PATH);
      assert.strictEqual(request.headers['content-type'], 'application/json; charset=utf-8');
      assert.strictEqual(Number(request.headers['content-length']), Buffer.byteLength(request.body));
      assert.deepStrictEqual(JSON.parse(request.body), expected[kind]);
    });
  }

  it('sends the plain body where no Markdown is given, escaped for Slack, and accepts any 2xx', async () => {
    const { server, base } = await serve((_req, res) => res.writeHead(204).end());
    assert.deepStrictEqual(await postToWebhook(`${base}/x`, 'slack', { subject: 'S <!channel>', body: 'a < b' }), { status: 204 });
    assert.deepStrictEqual(JSON.parse(server.received[0].body), { text: '*S &lt;!channel&gt;*\n\na &lt; b', mrkdwn: true });
    await postToWebhook(`${base}/x`, 'generic', { subject: 'S', body: 'B' });
    assert.deepStrictEqual(JSON.parse(server.received[1].body), { subject: 'S', text: 'B' });
  });

  it('masks secrets in what it sends', async () => {
    const { server, base } = await serve((_req, res) => res.writeHead(200).end());
    await postToWebhook(`${base}/x`, 'generic', { subject: 'token=abc123def', body: 'password: hunter2', markdownBody: 'AKIAIOSFODNN7EXAMPLE' });
    assert.deepStrictEqual(JSON.parse(server.received[0].body), { subject: 'token=[redacted]', text: 'password: [redacted]', markdown: '[redacted]' });
  });

  it('fails with kind http and the status on a 500, saying what the server said', async () => {
    const { base } = await serve((_req, res) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal_error'));
    const err = await rejection(postToWebhook(`${base}${SECRET_PATH}`, 'slack', message));
    assert.strictEqual(err.kind, 'http');
    assert.strictEqual(err.status, 500);
    assert.strictEqual(err.message, `The webhook at ${base} answered HTTP 500: internal_error.`);
  });

  it('does not follow a redirect', async () => {
    const target = await serve((_req, res) => res.writeHead(200).end());
    const { base } = await serve((_req, res) => res.writeHead(302, { Location: `${target.base}/elsewhere` }).end());
    const err = await rejection(postToWebhook(`${base}${SECRET_PATH}`, 'generic', message));
    assert.strictEqual(err.kind, 'http');
    assert.strictEqual(err.status, 302);
    assert.match(err.message, /redirect, which is not followed/);
    assert.strictEqual(target.server.received.length, 0);
  });

  it('gives up after timeoutMs when the server never answers', async () => {
    const { server, base } = await serve(() => undefined);
    const started = Date.now();
    const err = await rejection(postToWebhook(`${base}${SECRET_PATH}`, 'teams', message, { timeoutMs: 200 }));
    const elapsed = Date.now() - started;
    assert.strictEqual(err.kind, 'timeout');
    assert.strictEqual(err.status, undefined);
    assert.strictEqual(err.message, `The webhook at ${base} did not answer within 200 ms.`);
    assert.ok(elapsed >= 190 && elapsed < 2000, String(elapsed));
    assert.strictEqual(server.received.length, 1);
  });

  it('refuses addresses that are not http(s) URLs, sending nothing', async () => {
    for (const bad of ['ftp://example.com/hooks/s3cr3t', 'file:///etc/passwd', 'not a url', '', 'hooks.slack.com/services/s3cr3t']) {
      const err = await rejection(postToWebhook(bad, 'generic', message));
      assert.strictEqual(err.kind, 'url', bad);
    }
    const ftp = await rejection(postToWebhook('ftp://example.com/x', 'generic', message));
    assert.strictEqual(ftp.message, 'The webhook address must start with https:// (or http://), not ftp:.');
  });

  it('fails with kind network when the connection is refused', async () => {
    const { server, base } = await serve(() => undefined);
    await server.close();
    servers = servers.filter((s) => s !== server);
    const err = await rejection(postToWebhook(`${base}${SECRET_PATH}`, 'mattermost', message));
    assert.strictEqual(err.kind, 'network');
    assert.strictEqual(err.message, `Could not reach the webhook at ${base}: the connection was refused (ECONNREFUSED).`);
  });

  it('refuses a bad timeout and an unknown kind before sending', async () => {
    await assert.rejects(postToWebhook('https://example.com/x', 'generic', message, { timeoutMs: 0 }), RangeError);
    await assert.rejects(postToWebhook('https://example.com/x', 'discord' as WebhookKind, message), /Unknown webhook kind "discord"/);
  });
});

describe('detectWebhookKind', () => {
  it('guesses from the host', () => {
    const cases: [string, WebhookKind][] = [
      ['https://hooks.slack.com/services/T0/B0/x', 'slack'],
      ['https://HOOKS.SLACK.COM/services/T0/B0/x', 'slack'],
      ['https://acme.webhook.office.com/webhookb2/x', 'teams'],
      ['https://outlook.office.com/webhook/x', 'teams'],
      ['https://mattermost.acme.io/hooks/abc', 'mattermost'],
      ['https://chat.acme-mattermost.com/hooks/abc', 'mattermost'],
      ['https://example.com/hooks.slack.com', 'generic'],
      ['https://hooks.slack.com.evil.test/services/x', 'generic'],
      ['https://webhook.office.com.evil.test/x', 'generic'],
      ['not a url', 'generic'],
    ];
    for (const [url, kind] of cases) {
      assert.strictEqual(detectWebhookKind(url), kind, url);
    }
  });
});
