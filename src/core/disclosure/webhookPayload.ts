// The JSON each chat service expects from an incoming webhook.
//
// - slack: `{ text, mrkdwn: true }`, the subject in bold, the Markdown turned into Slack's mrkdwn
//   and `& < >` escaped (else `<!channel>` in a note would ping everyone).
// - mattermost: `{ text }` in Markdown, which Mattermost renders as written.
// - teams: a legacy MessageCard `{ "@type": "MessageCard", title, summary, text }`, the form the
//   Office 365 connector URLs (*.webhook.office.com) take; `text` is Markdown. Chosen over a bare
//   `{ text }` because Teams shows the subject as the card's title and in notifications (summary).
// - generic: `{ subject, text, markdown? }`: the plain body in `text`, the Markdown one when given.
import { escapeSlack, markdownToSlack } from './slackMrkdwn';

export const WEBHOOK_KINDS = ['slack', 'teams', 'mattermost', 'generic'] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export interface WebhookMessage {
  subject: string;
  /** Plain text. */
  body: string;
  /** The Markdown draft, used by the chat services that render formatting. */
  markdownBody?: string;
}

export function webhookPayload(kind: WebhookKind, message: WebhookMessage): Record<string, unknown> {
  switch (kind) {
    case 'slack': {
      const body = message.markdownBody !== undefined ? markdownToSlack(message.markdownBody) : escapeSlack(message.body);
      return { text: `*${escapeSlack(message.subject)}*\n\n${body}`, mrkdwn: true };
    }
    case 'mattermost':
      return { text: `**${message.subject}**\n\n${message.markdownBody ?? message.body}` };
    case 'teams':
      return {
        '@type': 'MessageCard',
        '@context': 'https://schema.org/extensions',
        summary: message.subject,
        title: message.subject,
        text: message.markdownBody ?? message.body,
      };
    case 'generic':
      return message.markdownBody !== undefined
        ? { subject: message.subject, text: message.body, markdown: message.markdownBody }
        : { subject: message.subject, text: message.body };
    default:
      throw new Error(`Unknown webhook kind ${JSON.stringify(kind)}: expected one of ${WEBHOOK_KINDS.join(', ')}.`);
  }
}
