// Anything that looks like a credential is masked before it is written into a note or a message:
// notes are committed and shared, and a disclosure is posted to chat or mailed, so a key copied
// from a linked line or pasted into a note must not travel with them.
//
// Anchors are masked as a whole and the file's lines one at a time, and the two are compared, so
// every pattern except the PEM block stays within one line ([ \t], never \s, between parts).
// The patterns aim at what credentials look like, not at long random-looking strings: commit shas,
// UUIDs and hashes fill incident notes and must stay readable.

const REDACTED = '[redacted]';

/** The whole match is the secret. */
const TOKENS: RegExp[] = [
  // PEM private keys, also inside JSON with literal \n (GCP service-account `private_key`);
  // an unterminated block is masked to the end, as its rest is the key.
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, // AWS access key id (long-term and temporary)
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, // GitHub personal, OAuth, server, user-to-server, refresh tokens
  /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g, // GitHub fine-grained tokens
  /\bglpat-[A-Za-z0-9_-]{20,}/g, // GitLab personal access tokens
  /\bxox[abeoprs]-[A-Za-z0-9-]{10,}/g, // Slack bot, user, app-level refresh… tokens
  /\bxapp-\d-[A-Za-z0-9-]{10,}/g, // Slack app-level tokens
  /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/g, // Stripe secret and restricted keys
  /\bAIza[0-9A-Za-z_-]{35}(?![\w-])/g, // Google API keys
  /\bnpm_[A-Za-z0-9]{36}\b/g, // npm access tokens
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g, // JWTs (header `{"` in base64url)
];

/** The first group is kept and the rest of the match is the secret. */
const PREFIXED: RegExp[] = [
  // Webhook URLs carry their secret in the path: whoever has one can post to the channel.
  /\b(https:\/\/hooks\.slack(?:-gov)?\.com\/)(?:services|workflows|triggers)\/[A-Za-z0-9_/-]+/g,
  /\b(https:\/\/[A-Za-z0-9.-]+\.webhook\.office\.com\/)[A-Za-z0-9_/@.-]+/g,
  /\b(https:\/\/(?:discord|discordapp)\.com\/api\/webhooks\/)[A-Za-z0-9_/-]+/g,
  // https://user:password@host — the password may itself hold an `@`: the host follows the last one.
  /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s/?#]+(?=@)/gi,
  // Azure storage and Service Bus connection strings; SAS signatures in URLs.
  /\b((?:AccountKey|SharedAccessKey|SharedAccessSignature)[ \t]*=[ \t]*)[^;\s"']+/gi,
  /([?&]sig=)[^&\s"'#]+/g,
  // `Authorization: Basic …` and friends: the scheme names the credential that follows.
  /\b(authorization["']?[ \t]*[:=][ \t]*["']?(?:basic|bearer|token|digest|negotiate|apikey)[ \t]+)[A-Za-z0-9._~+/=-]{8,}/gi,
];

// `Bearer <token>` on its own (curl -H, logs). A digit is required so prose ("the bearer of…")
// is left alone; real tokens always have one somewhere in 16+ characters.
const BEARER = /\b(bearer[ \t]+)([A-Za-z0-9._~+/-]{16,}=*)/gi;

// `password = "…"`, `api_key: …`, `"client_secret": "…"`, `SECRET=…`: keep the name, mask the value.
const SECRET_NAME =
  'password|passwd|passphrase|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|' +
  'signing[_-]?key|encryption[_-]?key|session[_-]?key|credentials?';
const ASSIGNMENT = new RegExp(
  `(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]*(?:${SECRET_NAME})[A-Za-z0-9_.-]*)` + // the name
    `(["']?[ \\t]*(?:=>|:=|[:=])[ \\t]*)` + // the separator, with the closing quote of a JSON key
    `(?:"([^"\\r\\n]{3,})"|'([^'\\r\\n]{3,})'|([^\\s"',;]{4,}))`, // the value, quoted or not
  'gi',
);

// Names that contain a secret's word but hold no secret: `tokenize`, `password_policy`,
// `token_url`, `max_tokens`, `secret_name`.
const NOT_SECRET_NAME = [
  /(?:token|secret|password)(?:iz|is|ary|less)/i,
  /(?:^|[_.-]|[a-z](?=[A-Z]))(?:url|uri|endpoint|path|file|type|name|length|len|count|policy|expiry|expires|expiration|ttl|timeout|lifetime|header|prompt|label|hint|field|format|reset|rotation|limit|env|var)$/i,
  /^(?:max|min|num|total|input|output|prompt|completion)[_-]?tokens?$/i,
];

// Values that are references or placeholders, not secrets: masking them only hides what the code does.
const NOT_A_VALUE = [
  /^(?:true|false|null|nil|none|undefined|yes|no|on|off|required|optional|\*+|x{3,}|\.{3}|…)$/i,
  /^\[redacted\]$/,
  /^\$\{[^}]*\}$|^\$[A-Za-z_][A-Za-z0-9_]*$|^\{\{[^}]*\}\}$|^<[^>]*>$/,
  /^(?:process\.env|os\.environ|ENV\[)/,
];

export function maskSecrets(text: string): string {
  let out = text;
  for (const pattern of TOKENS) {
    out = out.replace(pattern, REDACTED);
  }
  for (const pattern of PREFIXED) {
    out = out.replace(pattern, (_m, kept: string) => `${kept}${REDACTED}`);
  }
  out = out.replace(BEARER, (match, head: string, token: string) => (/\d/.test(token) ? `${head}${REDACTED}` : match));
  out = out.replace(ASSIGNMENT, maskAssignment);
  return out;
}

function maskAssignment(
  match: string, name: string, sep: string,
  doubleQuoted: string | undefined, singleQuoted: string | undefined, bare: string | undefined,
  offset: number, whole: string,
): string {
  const value = doubleQuoted ?? singleQuoted ?? bare ?? '';
  if (NOT_SECRET_NAME.some((p) => p.test(name)) || NOT_A_VALUE.some((p) => p.test(value.trim()))) {
    return match;
  }
  if (bare !== undefined) {
    // A call or a dotted reference (`getPassword()`, `config.db.password`) names where the secret
    // is, not the secret.
    if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\(/.test(bare) || /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(bare)) {
      return match;
    }
    // Prose: "the secret: always rotate it". A colon, then a lowercase word, then more words.
    // A credential has digits, capitals or symbols, or ends the line ("password: changeme").
    if (sep.includes(':') && !sep.includes('=') && /^[a-z]+$/.test(bare) && /^[ \t]+[a-z]/i.test(whole.slice(offset + match.length))) {
      return match;
    }
    return `${name}${sep}${REDACTED}`;
  }
  const quote = doubleQuoted !== undefined ? '"' : "'";
  return `${name}${sep}${quote}${REDACTED}${quote}`;
}
