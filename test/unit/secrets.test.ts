import * as assert from 'assert';
import { maskSecrets } from '../../src/core/secrets';

// Built from parts so that this file holds no string a secret scanner would flag as real.
const AWS_ID = 'AKIA' + 'IOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY';
const JWT = 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0.' + 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const SHA = '95499cfc2c45317dbc1cebaa8cf78eb7b8e3bdff';

describe('maskSecrets', () => {
  // [what, input, expected]
  const masked: [string, string, string][] = [
    ['AWS access key id', `key ${AWS_ID} here`, 'key [redacted] here'],
    ['AWS temporary key id', `ASIA${'Z'.repeat(16)}`, '[redacted]'],
    ['AWS secret access key in an ini file', `aws_secret_access_key = ${AWS_SECRET}`, 'aws_secret_access_key = [redacted]'],
    ['AWS secret access key in an env file', `export AWS_SECRET_ACCESS_KEY="${AWS_SECRET}"`, 'export AWS_SECRET_ACCESS_KEY="[redacted]"'],
    ['AWS secret access key in JSON', `"SecretAccessKey": "${AWS_SECRET}",`, '"SecretAccessKey": "[redacted]",'],
    [
      'GCP service-account JSON',
      '{"type": "service_account", "private_key_id": "3f1c0d9e8b7a6f5e4d3c2b1a", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\n-----END PRIVATE KEY-----\\n", "client_email": "ci@p.iam.gserviceaccount.com"}',
      '{"type": "service_account", "private_key_id": "[redacted]", "private_key": "[redacted]", "client_email": "ci@p.iam.gserviceaccount.com"}',
    ],
    [
      'Azure storage connection string',
      'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Zm9vYmFyYmF6cXV4Zm9v+/YmFy==;EndpointSuffix=core.windows.net',
      'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=[redacted];EndpointSuffix=core.windows.net',
    ],
    ['Azure Service Bus key', 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=abcDEF123+/=', 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=[redacted]'],
    ['Azure SAS signature in a URL', 'https://acme.blob.core.windows.net/c/f?sv=2022-11-02&sig=abc%2Bdef123%3D&se=2026', 'https://acme.blob.core.windows.net/c/f?sv=2022-11-02&sig=[redacted]&se=2026'],
    ['GitHub ghp_', `ghp_${'a1B2'.repeat(9)}`, '[redacted]'],
    ['GitHub gho_', `gho_${'a1B2'.repeat(9)}`, '[redacted]'],
    ['GitHub ghs_', `ghs_${'a1B2'.repeat(9)}`, '[redacted]'],
    ['GitHub ghu_', `ghu_${'a1B2'.repeat(9)}`, '[redacted]'],
    ['GitHub ghr_', `ghr_${'a1B2'.repeat(9)}`, '[redacted]'],
    ['GitHub fine-grained', `github_pat_11ABCDEFG0${'x'.repeat(70)}`, '[redacted]'],
    ['GitLab', 'token glpat-abcdefghij0123456789 used', 'token [redacted] used'],
    ['Slack bot token', 'xoxb-1234567890-abcdefghij', '[redacted]'],
    ['Slack user token', 'xoxp-1234567890-1234567890-abcdef', '[redacted]'],
    ['Slack app token', 'xapp-1-A0123456789-0123456789-abcdef', '[redacted]'],
    ['Stripe live secret key', `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`, '[redacted]'],
    ['Stripe test secret key', `sk_test_${'4eC39HqLyjWDarjtT1zdp7dc'}`, '[redacted]'],
    ['Stripe restricted key', `rk_live_${'abcdefghijklmnop1234'}`, '[redacted]'],
    ['Google API key', `key=AIza${'SyA1234567890abcdefghijklmnopqrstu-'}`, 'key=[redacted]'],
    ['npm token', `//registry.npmjs.org/:_authToken=npm_${'a1'.repeat(18)}`, '//registry.npmjs.org/:_authToken=[redacted]'],
    ['JWT', `session ${JWT} end`, 'session [redacted] end'],
    ['Bearer header', 'curl -H "Authorization: Bearer abcdef0123456789abcdef" https://api', 'curl -H "Authorization: Bearer [redacted]" https://api'],
    ['Basic header', 'Authorization: Basic YWRtaW46aHVudGVyMg==', 'Authorization: Basic [redacted]'],
    ['bare Bearer token', 'sent Bearer 0123456789abcdefXYZ', 'sent Bearer [redacted]'],
    ['RSA private key block', 'before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----\nafter', 'before\n[redacted]\nafter'],
    ['OpenSSH private key block', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----', '[redacted]'],
    ['PGP private key block', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK-----', '[redacted]'],
    ['unterminated private key', 'x\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\nmore', 'x\n[redacted]'],
    ['password=', 'password=hunter2', 'password=[redacted]'],
    ['password = "…"', 'const password = "hunter2hunter2";', 'const password = "[redacted]";'],
    ['quoted passphrase with spaces', "db_password: 'correct horse battery'", "db_password: '[redacted]'"],
    ['secret:', 'SECRET: s3cr3t!', 'SECRET: [redacted]'],
    ['client_secret in JSON', '{"client_secret": "abc123xyz"}', '{"client_secret": "[redacted]"}'],
    ['token=', 'GET /api?token=abc123def&page=2', 'GET /api?token=[redacted]'],
    ['api-key:', 'api-key: 0123abcd', 'api-key: [redacted]'],
    ['Password: at the end of a line', 'Password: changeme', 'Password: [redacted]'],
    ['Ruby hash', 'secret_key => "s3cr3t-value"', 'secret_key => "[redacted]"'],
    ['URL with user:password', 'git clone https://ada:s3cret@github.com/o/r.git', 'git clone https://ada:[redacted]@github.com/o/r.git'],
    ['URL password holding an @', 'https://x:p@ss@example.com/repo', 'https://x:[redacted]@example.com/repo'],
    ['database URL', 'postgres://app:Sup3rS3cret@db:5432/prod', 'postgres://app:[redacted]@db:5432/prod'],
    ['Slack webhook URL', 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX', 'https://hooks.slack.com/[redacted]'],
    ['Teams webhook URL', 'https://acme.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456', 'https://acme.webhook.office.com/[redacted]'],
  ];
  for (const [what, input, expected] of masked) {
    it(`masks ${what}`, () => {
      assert.strictEqual(maskSecrets(input), expected);
    });
  }

  const untouched: [string, string][] = [
    ['a 40-hex commit sha', `head: ${SHA}`],
    ['a sha in prose and in a permalink', `Introduced in ${SHA}, see https://github.com/o/r/commit/${SHA}`],
    ['a short sha', 'fixed in 619fb15'],
    ['a sha-256 hash', 'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['a UUID', 'request 123e4567-e89b-12d3-a456-426614174000 failed'],
    ['"tokenize"', 'We tokenize the input before parsing.'],
    ['a tokenizer setting', 'tokenizer: whitespace'],
    ['"password policy"', 'Our password policy requires 12 characters.'],
    ['a password_policy setting', 'password_policy: strict'],
    ['prose after "secret:"', 'The secret: always rotate keys after a leak.'],
    ['a plural label in prose', 'Passwords: rotated weekly by the vault.'],
    ['a token count', 'max_tokens: 4096'],
    ['a token URL', 'token_url: https://auth.example.com/token'],
    ['an environment reference', 'password = process.env.DB_PASSWORD'],
    ['a placeholder', 'password: ${DB_PASSWORD}'],
    ['a template placeholder', 'token: {{ .Values.token }}'],
    ['a call', 'const token = getToken();'],
    ['a dotted reference', 'secret = config.db.secret'],
    ['a boolean', 'use_token: true'],
    ['"bearer" in prose', 'He was the bearer of bad news; Bearer authentication is used.'],
    ['a URL with a user but no password', 'ssh://git@github.com/o/r.git and https://ada@bitbucket.org/o/r.git'],
    ['a URL with a port', 'http://localhost:8080/path@v2'],
    ['an already masked value', 'password = "[redacted]"'],
    ['a public Stripe key', 'pk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ];
  for (const [what, input] of untouched) {
    it(`leaves ${what} alone`, () => {
      assert.strictEqual(maskSecrets(input), input);
    });
  }

  it('is idempotent', () => {
    for (const [, input] of masked) {
      const once = maskSecrets(input);
      assert.strictEqual(maskSecrets(once), once, input);
    }
  });

  it('masks line by line the same as a whole text (anchors compare the two), keys blocks aside', () => {
    const text = masked.map(([, input]) => input).filter((t) => !t.includes('PRIVATE KEY')).join('\n');
    assert.strictEqual(text.split('\n').map(maskSecrets).join('\n'), maskSecrets(text));
  });
});
