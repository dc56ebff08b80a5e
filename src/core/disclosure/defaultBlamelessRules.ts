// The default blameless-language rules (English), as data: a team adds, replaces (same id) or
// disables them from settings. Each rule flags wording that makes a mistake harder to own or
// safer to hide; none forbids anything, and the explanations say why kindly.
// Patterns are JavaScript regex sources, matched case-insensitively (see BlamelessRule). They are
// deliberately narrow: a checker that cries wolf gets turned off, so a pattern names the words that
// do the harm ("they should have noticed") rather than every use of a word ("should").
import type { BlamelessRule } from './blamelessRuleShape';

/** People other than the author, as they are pointed at in notes. */
const OTHERS = String.raw`(?:they|he|she|some(?:one|body)(?:\s+else)?|the\s+(?:other\s+team|intern|contractor|vendor|reviewers?|new\s+(?:guy|hire|person)|qa(?:\s+team)?|ops(?:\s+team)?|on-?call))`;

export const DEFAULT_BLAMELESS_RULES: readonly BlamelessRule[] = [
  // passive-cover: the sentence has a mistake but nobody who made it.
  {
    id: 'mistakes-were-made',
    category: 'passive-cover',
    pattern: String.raw`\b(an?\s+)?(mistakes?|errors?)\s+(?:were|was|ha(?:ve|s)\s+been)\s+made\b`,
    explanation: 'The passive hides who acted. Saying "I made a mistake" is what makes it safe for the next person to say it too.',
    replacement: 'I made $1$2',
  },
  {
    id: 'errors-occurred',
    category: 'passive-cover',
    pattern: String.raw`\b(?:an?\s+)?(?:mistakes?|errors?|oversights?)\s+(?:occurred|happened|crept\s+in|slipped\s+(?:in|through)|took\s+place)\b`,
    explanation: 'Errors rarely just occur. Say which step of mine led to it, even if I don\'t know why yet.',
  },
  {
    id: 'agentless-passive',
    category: 'passive-cover',
    pattern: String.raw`\b(?:was|were|got|ha(?:s|ve)\s+been)\s+(?:accidentally\s+|mistakenly\s+|inadvertently\s+|wrongly\s+)?(?:deleted|dropped|removed|overwritten|wiped|erased|truncated|flushed|purged|force-pushed|misconfigured|leaked|skipped|missed|overlooked|ignored|forgotten)\b(?!\s+by\b)`,
    explanation: 'Who did it? If it was me, "I deleted …" says so plainly; if a system did it, name the system.',
  },

  // blaming-others: the note points at a person instead of at what happened.
  {
    id: 'should-have',
    category: 'blaming-others',
    pattern: String.raw`\b(?:${OTHERS}|others)\s+(?:should|could|would|ought\s+to)(?:n['’]t|\s+not)?(?:\s+have|['’]ve)\s+(?:\w+ed|\w+en|known|caught|told|done|seen|spotted|made|kept|said|run|thought|found|stopped)\b`,
    explanation: 'Hindsight about what others should have done reads as blame. Say what I will change, or ask for what I need.',
  },
  {
    id: 'broke-it',
    category: 'blaming-others',
    pattern: String.raw`(?:\B@[\w.-]*\w|\b${OTHERS})\s+(?:broke|messed\s+up|screwed\s+up|borked)\b`,
    explanation: 'Naming who broke it turns a note into a verdict. Describe what happened and what I did.',
  },
  {
    id: 'because-of-person',
    category: 'blaming-others',
    pattern: String.raw`\b(?:because\s+of|due\s+to|blame)\s+(?:him|her|${OTHERS}|@[\w.-]*\w)\b`,
    explanation: 'Pointing at a person teaches the next person to hide their mistake. Describe the conditions, not who.',
  },
  {
    id: 'someone-else',
    category: 'blaming-others',
    pattern: String.raw`\bsome(?:one|body)\s+else(?:['’]s\s+(?:fault|change|code|commit|config|deploy|mistake|script|pr|pull\s+request)|\s+(?:had|did|must\s+have|changed|deployed|pushed|merged|broke|removed|deleted|ran|approved|wrote|touched))\b`,
    explanation: 'Who else was involved matters less than what we can change. Keep the note about what I did.',
  },
  {
    id: 'their-fault',
    category: 'blaming-others',
    pattern: String.raw`(?<!\bno\s)\b(?!(?:my|nobody|noone|anyone|anybody|everyone|everybody)\b)(?:their|his|her|your|\w+['’]s)\s+fault\b`,
    explanation: 'Finding fault stops the learning. Describe what happened and what will change.',
  },

  // minimising: the wording argues the impact down before the reader sees it.
  {
    id: 'just',
    category: 'minimising',
    pattern: String.raw`(?<![\w-])(?<!\bnot\s)just[ \t]+(?!(?:now|before|after|as|like|in\s+time|then|when|once|because|the\s+same|about)\b)(?=[a-z])`,
    explanation: '"Just" makes it sound smaller than it was; the facts will show how big it was.',
    replacement: '',
  },
  {
    id: 'only-a-little',
    category: 'minimising',
    pattern: String.raw`(?<![\w-])only[ \t]+(?=(?:an?\s+)?(?:small|tiny|minor|little|few|couple|handful|bit|slight(?:ly)?|brief(?:ly)?|short|partial(?:ly)?)\b|\d[\d,.]*\s*(?:%|(?:percent|users?|customers?|requests?|minutes?|mins?|seconds?|secs?|hours?|records?|rows?|people|accounts?)\b))`,
    explanation: '"Only" argues the impact down. State the numbers and let readers judge.',
    replacement: '',
  },
  {
    id: 'simply',
    category: 'minimising',
    pattern: String.raw`(?<![\w-])(?:simply|merely)[ \t]+(?=[a-z])`,
    explanation: '"Simply" suggests it was trivial; if it was, the steps will show it.',
    replacement: '',
  },
  {
    id: 'a-minor-issue',
    category: 'minimising',
    pattern: String.raw`\ban?\s+(?:minor|small|tiny|little|trivial|harmless|slight|quick)\s+(?:issue|glitch|hiccup|blip|mistake|error|problem|oversight|slip|slip-?up|mix-?up|thing|bug|typo|outage|incident)\b`,
    explanation: 'Let the Impact section say how big it was; an adjective decides it for the reader.',
  },
  {
    id: 'no-big-deal',
    category: 'minimising',
    pattern: String.raw`\b(?:(?:no|not\s+a)\s+(?:big|huge|real)\s+deal|nothing\s+(?:serious|major|to\s+worry\s+about)|no\s+harm\s+done|not\s+(?:that|so)\s+bad|not\s+a\s+(?:big|real)\s+(?:problem|issue))\b`,
    explanation: 'Whether it was a big deal is the reader\'s call, once they know the impact.',
  },

  // excuse: the sentence defends instead of describing.
  {
    id: 'not-my-fault',
    category: 'excuse',
    pattern: String.raw`\b(?:(?:it|that|this)(?:['’]s|\s+is|\s+was)\s+not|(?:it|that|this)\s+(?:wasn['’]t|isn['’]t)|not)\s+(?:really\s+|entirely\s+|all\s+|completely\s+|just\s+)?my\s+fault\b`,
    explanation: 'Whose fault it was is not the question here; what happened and what changes is.',
  },
  {
    id: 'it-wasnt-me',
    category: 'excuse',
    pattern: String.raw`\b(?:(?:it|that)\s+(?:wasn['’]t|was\s+not)\s+me|I\s+didn['’]t\s+(?:do|touch|change|break)\s+(?:it|that|anything))\b`,
    explanation: 'If I was involved, saying so plainly is what this note is for; if not, describe what happened.',
  },
  {
    id: 'somehow',
    category: 'excuse',
    pattern: String.raw`\bsomehow\b`,
    explanation: '"Somehow" skips the cause. Say what I did, or that I don\'t know yet and am finding out.',
  },
  {
    id: 'accidentally',
    category: 'excuse',
    pattern: String.raw`(?<![\w-])(?:accidentally|inadvertently|unintentionally|unknowingly)[ \t]+(?=[a-z])`,
    explanation: 'Nobody makes mistakes on purpose: saying what I did is enough.',
    replacement: '',
  },
  {
    id: 'anyone-would-have',
    category: 'excuse',
    pattern: String.raw`\b(?:anyone|anybody|everyone|everybody)\s+(?:else\s+)?(?:would|could)(?:\s+have|['’]ve)\s+(?:done|made|missed|fallen\s+for)\b`,
    explanation: 'Whether others would have done the same doesn\'t change what I will do next, and that is what the note is for.',
  },
  {
    id: 'in-my-defence',
    category: 'excuse',
    pattern: String.raw`\b(?:in\s+my\s+defen[cs]e|to\s+be\s+fair\s+to\s+me)\b`,
    explanation: 'There is nothing to defend here, only something to learn.',
  },
];
