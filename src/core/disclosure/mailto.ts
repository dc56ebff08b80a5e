// A mailto: link that opens the author's mail program with the disclosure filled in (RFC 6068).
// Mail programs and operating systems cut long URLs at different lengths, some silently, so a long
// message is cut here at a line boundary, saying where the rest is (the adapter puts the whole
// message on the clipboard).
import { maskSecrets } from '../secrets';

export const TRUNCATION_NOTE = '[The full message is on your clipboard: paste it here.]';

export class MailtoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailtoError';
  }
}

export interface MailMessage {
  /** Bare addresses (`ada@example.com`), no display names; may be empty to let the author choose. */
  to: string[];
  subject: string;
  body: string;
}

// One address: no spaces or line breaks, and none of the characters that would end it or start
// another header field in the URL (`,` `?` `&` `#` `%`) or that need quoting in mail (`<>()[];:"\`).
const ADDRESS = /^[^\s@<>()[\]\\,;:"?&#%]+@[^\s@<>()[\]\\,;:"?&#%/]+$/;

/**
 * `mailto:to1,to2?subject=…&body=…`, at most `maxLength` characters. Spaces are %20 and line
 * breaks %0D%0A (RFC 6068 asks for CRLF). When the whole message does not fit, the body is cut
 * after the last line that fits and ends with TRUNCATION_NOTE, and `truncated` is true; a subject
 * too long even for an empty body is cut too. Throws MailtoError for a recipient that is not a
 * plain address, or when the recipients alone do not fit.
 */
export function mailtoUrl(message: MailMessage, maxLength = 2000): { url: string; truncated: boolean } {
  for (const address of message.to) {
    if (typeof address !== 'string' || !ADDRESS.test(address)) {
      throw new MailtoError(`Not a plain email address: ${JSON.stringify(address)}. Give addresses like ada@example.com, one per entry.`);
    }
  }
  const to = message.to.map((a) => encode(a).replace(/%40/g, '@')).join(',');
  const subject = wellFormed(maskSecrets(message.subject)).replace(/\r\n?|\n/g, ' ');
  const body = wellFormed(maskSecrets(message.body)).replace(/\r\n?/g, '\n');
  const build = (s: string, b: string): string => {
    const fields = [s !== '' ? `subject=${encode(s)}` : '', b !== '' ? `body=${encode(b.replace(/\n/g, '\r\n'))}` : ''].filter(Boolean);
    return `mailto:${to}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
  };
  const whole = build(subject, body);
  if (whole.length <= maxLength) {
    return { url: whole, truncated: false };
  }
  // Each line's encoded length adds up: keep lines while the link with the note still fits.
  const lines = body.split('\n');
  const noteLength = encode(`\r\n\r\n${TRUNCATION_NOTE}`).length;
  let length = build(subject, 'x').length - 1 + noteLength;
  let kept = 0;
  while (kept < lines.length) {
    const next = encode(`${kept > 0 ? '\r\n' : ''}${lines[kept]}`).length;
    if (length + next > maxLength) {
      break;
    }
    length += next;
    kept++;
  }
  const keptText = lines.slice(0, kept).join('\n').replace(/\s+$/, '');
  const cutBody = keptText !== '' ? `${keptText}\n\n${TRUNCATION_NOTE}` : TRUNCATION_NOTE;
  let url = build(subject, cutBody);
  if (url.length > maxLength) {
    url = build(cutSubject(subject, (s) => build(s, TRUNCATION_NOTE).length <= maxLength), TRUNCATION_NOTE);
  }
  if (url.length > maxLength) {
    throw new MailtoError(`The recipients alone make the mail link longer than ${maxLength} characters; send to fewer addresses.`);
  }
  return { url, truncated: true };
}

/** Percent-encodes UTF-8 (encodeURIComponent leaves only characters RFC 6068 allows as they are). */
function encode(text: string): string {
  return encodeURIComponent(text);
}

/** The longest start of `subject` (whole code points, with "…") that `fits`; "" if none. */
function cutSubject(subject: string, fits: (s: string) => boolean): string {
  const points = Array.from(subject);
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (fits(`${points.slice(0, mid).join('').trimEnd()}…`)) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low === 0 ? '' : `${points.slice(0, low).join('').trimEnd()}…`;
}

/** A lone surrogate would make encodeURIComponent throw: it becomes U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
