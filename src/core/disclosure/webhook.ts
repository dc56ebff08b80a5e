// Posts a disclosure to a chat webhook. A webhook URL is a secret (whoever has it can post to the
// channel), so no message, error or log line ever shows more of it than scheme and host.
// Redirects are not followed: a webhook that answers with one is misconfigured, and following it
// would send the message somewhere nobody chose.
import * as http from 'http';
import * as https from 'https';
import { maskSecrets } from '../secrets';
import { webhookPayload, WEBHOOK_KINDS, type WebhookKind, type WebhookMessage } from './webhookPayload';

export type WebhookErrorKind = 'timeout' | 'http' | 'network' | 'url';

export class WebhookError extends Error {
  constructor(readonly kind: WebhookErrorKind, message: string, readonly status?: number) {
    super(message);
    this.name = 'WebhookError';
  }
}

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
/** Enough of an error answer to say why (Slack answers `no_service`, `invalid_payload`…). */
const MAX_ANSWER_BYTES = 16 * 1024;

/** A guess from the host: Slack, Teams (Office 365 connectors), Mattermost, else generic. */
export function detectWebhookKind(url: string): WebhookKind {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'generic';
  }
  if (host === 'hooks.slack.com' || host === 'hooks.slack-gov.com') {
    return 'slack';
  }
  if (host.endsWith('.webhook.office.com') || host === 'outlook.office.com' || host === 'outlook.office365.com') {
    return 'teams';
  }
  if (host.split('.').some((label) => label.includes('mattermost'))) {
    return 'mattermost';
  }
  return 'generic';
}

/**
 * POSTs the message as JSON (see webhookPayload for each kind's shape), masked for secrets.
 * Resolves with the status of a 2xx answer; rejects with WebhookError: `url` (not an http(s) URL),
 * `timeout` (no complete answer within `timeoutMs`, default 10 s), `http` (any other status,
 * redirects included; `status` set) or `network` (DNS, refused, reset, TLS).
 */
export async function postToWebhook(
  url: string,
  kind: WebhookKind,
  message: WebhookMessage,
  options: { timeoutMs?: number } = {},
): Promise<{ status: number }> {
  const target = parseWebhookUrl(url);
  const where = `${target.protocol}//${target.host}`;
  if (!(WEBHOOK_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`Unknown webhook kind ${JSON.stringify(kind)}: expected one of ${WEBHOOK_KINDS.join(', ')}.`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, not ${timeoutMs}.`);
  }
  const masked: WebhookMessage = {
    subject: maskSecrets(message.subject),
    body: maskSecrets(message.body),
    ...(message.markdownBody !== undefined ? { markdownBody: maskSecrets(message.markdownBody) } : {}),
  };
  const payload = Buffer.from(JSON.stringify(webhookPayload(kind, masked)), 'utf8');
  // Anything Node says about the request may quote the URL: the secret part is cut out.
  const scrub = (text: string): string => hideSecretParts(text, target);

  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: WebhookError | undefined, status?: number): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (error) {
        reject(error);
      } else {
        resolve({ status: status! });
      }
    };
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': payload.length,
          'User-Agent': 'Candor',
          // One request, then the socket goes: nothing keeps the extension host busy afterwards.
          Connection: 'close',
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) {
            chunks.push(chunk);
            size += chunk.length;
          }
        });
        response.on('error', (err) => settle(networkError(err, where, scrub)));
        response.on('end', () => {
          if (status >= 200 && status < 300) {
            settle(undefined, status);
            return;
          }
          const answer = scrub(answerText(Buffer.concat(chunks).toString('utf8')));
          const why = status >= 300 && status < 400
            ? ' (a redirect, which is not followed: check the webhook address)'
            : answer !== '' ? `: ${answer}` : '';
          settle(new WebhookError('http', `The webhook at ${where} answered HTTP ${status}${why}.`, status));
        });
      },
    );
    const timer = setTimeout(() => {
      settle(new WebhookError('timeout', `The webhook at ${where} did not answer within ${seconds(timeoutMs)}.`));
      request.destroy();
    }, timeoutMs);
    request.on('error', (err) => settle(networkError(err, where, scrub)));
    request.end(payload);
  });
}

function parseWebhookUrl(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new WebhookError('url', 'The webhook address is not a URL: it should look like https://hooks.example.com/….');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new WebhookError('url', `The webhook address must start with https:// (or http://), not ${target.protocol}.`);
  }
  return target;
}

function networkError(err: Error & { code?: string }, where: string, scrub: (text: string) => string): WebhookError {
  const code = typeof err.code === 'string' ? err.code : undefined;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ENOTFOUND: 'the host name could not be resolved',
    EAI_AGAIN: 'the host name could not be resolved',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable',
  };
  const reason = code && reasons[code]
    ? `${reasons[code]} (${code})`
    : code && /CERT|SSL|TLS/i.test(code)
      ? `its TLS certificate was not accepted (${code})`
      : scrub(err.message || code || 'unknown error');
  return new WebhookError('network', `Could not reach the webhook at ${where}: ${reason}.`);
}

/** A short text answer on one line; HTML error pages and long answers say nothing useful here. */
function answerText(text: string): string {
  const line = maskSecrets(text).replace(/\s+/g, ' ').trim();
  return line.length > 200 || /<[a-z!]/i.test(line) ? '' : line;
}

function hideSecretParts(text: string, target: URL): string {
  const secretParts = [target.href, `${target.pathname}${target.search}`, target.pathname, target.search, target.password, target.username]
    .filter((p) => p.length > 1)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const part of secretParts) {
    out = out.split(part).join('…');
  }
  return out;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
