// The blameless check for responses: the note rules, plus the ways a reply to someone who owned a
// mistake turns into a verdict ("you should have…"). Pointed out gently, never enforced.
import type { BlamelessRule } from '../disclosure/blamelessRule';
import { DEFAULT_BLAMELESS_RULES } from '../disclosure/defaultBlamelessRules';

/** The rules only responses get: a note is about my own actions, a response about someone else's. */
export const RESPONSE_ONLY_RULES: readonly BlamelessRule[] = [
  {
    id: 'response-you-should-have',
    category: 'blaming-others',
    pattern: String.raw`\byou\s+(?:really\s+)?(?:should|could|ought\s+to)(?:n['’]t|\s+not)?(?:\s+have|['’]ve)\b`,
    explanation: 'Hindsight about what they should have done reads as a verdict. Thank them, ask what they need, or offer what you can do.',
  },
  {
    id: 'response-why-did-you',
    category: 'blaming-others',
    pattern: String.raw`\bwhy\s+(?:did(?:n['’]t|\s+not)?|would)\s+you\b`,
    explanation: '"Why did you…" asks for a defence. "What made that look like the right step?" asks for what they saw.',
  },
];

/** The phrase rules of notes plus the response rules (the CLI's `respond` uses these). */
export const RESPONSE_BLAMELESS_RULES: readonly BlamelessRule[] = [...DEFAULT_BLAMELESS_RULES, ...RESPONSE_ONLY_RULES];
