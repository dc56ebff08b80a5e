// The full default rule set of the wording check: the phrase rules (defaultBlamelessRules) plus
// rules that see sentence structure and the wider vocabulary of blame — people, teams and tools
// as the cause, judging, counterfactuals, hidden actors, vagueness, minimising, excuses and
// editorialising. Data like the phrase rules: settings add, replace (same id) or disable them.
// Tuned on test/fixtures/blameless/tuning.json only; `npm run eval:blameless` measures them.
import type { BlamelessRule } from './blamelessRule';
import { DEFAULT_BLAMELESS_RULES } from './defaultBlamelessRules';

const REWRITE = 'Say what happened and what you did; ask what in the system let it happen.';
const ws = (words: string): string => words.trim().split(/\s*\n\s*/).join('|');

/** Verbs that make someone the cause of a failure (matched in the clause whose subject decides). */
const BLAME_VERBS = ws(String.raw`
  wreck(?:ed|s)?|screw(?:ed|s)?\s+(?:up|us|it)|mess(?:ed|es)?\s+(?:up|with)|broke|borked|trashed|nuked|tanked
  took\s+(?:[\w'’-]+\s+){1,4}down|took\s+(?:us|it|everything)\s+down|overlooked|forgot\s+to|forgot\s+(?:the|about)|ignored
  failed\s+to|failed\s+us|never\s+bothered|didn['’]?t\s+bother|did\s+not\s+bother|let\s+us\s+down|let\s+[\w\s]{1,20}\s+through
  (?:didn['’]?t|did\s+not|never|don['’]?t)\s+(?:check|test|tested|read|notice|tell|follow|care|validate|review|document|warn|update)
  misconfigured|dropped\s+the\s+wrong|caused\s+(?:the|this|it|an?)|is\s+what\s+(?:broke|took|caused)|made\s+(?:it|things)\s+worse
  without\s+(?:any\s+)?(?:warning|testing|telling|review|reviewing|checking|running|asking)
  should\s+have\s+(?:noticed|caught|known|checked|tested|seen|told|warned|stopped)|was\s+supposed\s+to
  decided\s+to|chose\s+to|refused\s+to|betrayed|ate|misbehaved|randomly|silently\s+\w+|went\s+rogue|killed\s+(?:all|our|the)
  ran\s+(?:the\s+)?[\w\s-]{0,30}\s+against\s+prod(?:uction)?`);

const JUDGING = ws(String.raw`
  reckless(?:ly)?|clueless|negligent(?:ly)?|negligence|useless|careless(?:ly|ness)?|stupid(?:ity)?|idiotic|idiots?|dumb|moronic
  garbage|trash|junk|crap(?:py)?|sloppy|sloppily|amateur(?:ish)?|lazy|lazily|incompeten(?:t|ce)|half-?baked|a\s+joke|joke\s+of
  irresponsibl[ey]|a\s+(?:total\s+|complete\s+|huge\s+)?mess|mess\s+of|poorly\s+(?:thought|designed|written|planned|executed|done|managed|tested)
  shoddy|pathetic|ridiculous|inexcusabl[ey]|unprofessional|hopeless|terrible|awful|horrible|a\s+disaster|dumpster\s+fire|very\s+bad|so\s+bad|brain-?dead
  ill-?conceived|boneheaded|clown|clowns|buggy|flaky\s+(?:garbage|junk)|rubbish|nonsense`);

export const STRUCTURAL_BLAMELESS_RULES: readonly BlamelessRule[] = [
  {
    id: 'person-as-cause',
    category: 'blaming-others',
    pattern: String.raw`\b(?:${BLAME_VERBS})\b`,
    structure: { subject: ['person'] },
    explanation: `This makes a person or team the cause. Blame teaches the next person to hide a mistake. ${REWRITE}`,
  },
  {
    // Any past action of a person or team that is not one of helping, finding or telling: in an
    // incident note, "Finance changed the pricing table" names who to blame.
    id: 'person-acted',
    category: 'blaming-others',
    structure: {
      subject: ['person'],
      passive: false,
      verb: String.raw`(?:[\w'’]+\s+)*(?:\w+ed|held|left|gave|made|took|broke|sent|put|set|ran|let|forgot|slept|kept|lost|shut|cut|hit|wrote|threw|didn['’]?t\s+\w+|did\s+not\s+\w+|never\s+\w+)(?:\s+(?:up|out|down|off|over|through|back|in))?`,
      notVerb: String.raw`(?:[\w'’]+\s+)*(?:called|found|reviewed|approved|helped|paired|sent|restored|rotated|confirmed|joined|told|paged|asked|showed|agreed|reported|spotted|noticed|fixed|wrote|took|added|shadowed|forwarded|retested|pinged|escalated|gave|warned|thanked|offered|suggested|answered|replied|explained|noted|mentioned|said|walked|shared|flagged|caught|saw|looked|checked|tested|verified|investigated|debugged|triaged|handled|covered|stepped|volunteered|led|presented|stayed|worked|tried|wanted|needed|used|owned|signed|received|requested|contacted|emailed|messaged|supported|recovered|rolled\s+back|reverted|mitigated|resolved|declared|opened|closed|acknowledged|noticed|identified|detected|traced|diagnosed|started|finished|completed|scheduled|planned|documented|updated|prepared|drafted|shipped\s+the\s+fix|was|were|had|did|got)(?:\s+(?:up|out|down|off|over|through|back|in|on|to|with|me|us))?`,
      sentence: String.raw`\b(?:team|squad|guys|folks|people|engineers?|developers?|devs|manager|lead|contractor|intern|hire|reviewers?|admins?|qa|ops|devops|sre|support|marketing|sales|security|dba|legal|finance|product|design|infra|management|someone|somebody|he|she|they|whoever|colleague|coworker|owner|department|staff|vendor|consultant|['’]s)\b|^\s*(?!(?:I|we|my|our|the|this|that|it|there)\b)[A-Za-z]+\s+(?:\w+ed|held|left|gave|made|took|broke|put|set|ran|let|forgot|slept|kept|lost|shut|cut|hit|threw|didn['’]?t|did\s+not|never)\b`,
    },
    explanation: `This makes a person or team the cause. Blame teaches the next person to hide a mistake. ${REWRITE}`,
  },
  {
    id: 'tool-as-culprit',
    category: 'blaming-others',
    pattern: String.raw`\b(?:${BLAME_VERBS})\b`,
    structure: { subject: ['tool', 'thing'] },
    explanation: `A tool or vendor is cast as the culprit. Say what the system did, what you expected, and what you did about it. ${REWRITE}`,
  },
  {
    id: 'judging',
    category: 'blaming-others',
    pattern: String.raw`\b(?:${JUDGING})\b`,
    structure: { notSubject: ['first-person'] },
    explanation: 'A judgement of people or their work ends the conversation; the facts can start one. Describe what the work did and what you saw.',
  },
  {
    id: 'counterfactual',
    category: 'blaming-others',
    pattern: ws(String.raw`
      \bif\s+(?:only\s+)?(?!I\b|we\b|you\b|it\b)(?:[\w'’-]+\s+){1,4}?(?:had(?:n['’]t)?|did(?:n['’]t)?\s+(?:their|his|her)\s+job|did\s+their)\b
      (?:^|[.!?;,]\s*|\bhad\s+)had\s+(?!I\b|we\b)(?:anyone|anybody|someone|somebody|they|he|she|the\s+[\w-]+(?:\s+team)?|[A-Z]\w+|marketing|qa|ops|support|design|security)\s+(?:not\s+)?\w+
      (?<=(?:^|[.!?;]\s*))had\s+(?!I\b|we\b)\w+
      \bnone\s+of\s+(?:this|it|that)\s+(?:would\s+(?:have\s+)?)?happen(?:s|ed)?\b
      \b(?:would|could)(?:n['’]t|\s+not|\s+never)?\s+have\s+(?:happened|been\s+(?:avoided|prevented|caught))\s+(?:if|had|unless)\b
      \bif\s+(?:the|our|their)\s+[\w\s]{1,30}\s+(?:did|had\s+done)\s+(?:their|his|her)\s+job\b
      \bwith\s+(?:proper|better|decent|real|any)\s+\w+(?:\s+[\w'’-]+){0,6},?\s+(?:this|it|that|we)\s+(?:would|could)(?:n['’]t)?\b
      \bif\s+(?!I\b|we\b|you\b)[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+(?:was|were)\s+(?:doing|paying|following|watching|reading|testing|checking)\b
      \bif\s+(?!I\b|we\b|you\b)[^.,;]{1,60}[,\s]\s*(?:this|it|that|none\s+of\s+this)\s+(?:wouldn['’]t|would\s+(?:not|never))\b`),
    flags: 'm',
    explanation: 'Hindsight about what others could have done reads as blame. Say what happened and what you will change; ask what in the system let it happen.',
  },
  {
    // Same id as the phrase rule it supersedes in the full set: the verb list becomes structure.
    id: 'agentless-passive',
    category: 'passive-cover',
    structure: {
      passive: true,
      agent: false,
      notSubject: ['number', 'first-person'],
      notVerb: String.raw`.*\b(?:rejected|delayed|affected|impacted|blocked|logged\s+out|charged|refunded|queued|processed|retried|lost|opened|killed|throttled|notified|declared|resolved|completed|mitigated|detected|reported|escalated|paged|sent|returned|served|degraded|born|made|done|given|found|written|hosted|located|based|scheduled|stored|kept|used|generated|documented|deprecated|partitioned|collected|called|named|needed|required|supposed|expected|caused|designed|intended|meant|built|exposed|unavailable|introduced|launched|released|created|renamed|installed|provisioned|licensed|announced|published|founded|originally\s+\w+|last\s+\w+|broken|stuck|down|gone|closed|left|fixed|restored|recovered|back|finished|involved|tagged|related|shown|limited|allowed|caught|told|asked|informed)`,
      // Timelines and measured impact name their facts; "while I investigated" names the actor.
      notSentence: String.raw`\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\bfor\s+(?:about\s+|over\s+|almost\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|days?)\b|\b(?:while|before|until|after|when)\s+I\b|\b(?:years?\s+ago|last\s+(?:year|month|quarter)|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|v?\d[\w.]*))\b`,
    },
    explanation: `The passive hides who acted. If it was me, "I pushed …" says so; if a system did it, name the system. ${REWRITE}`,
  },
  {
    // Supersedes the phrase rule: "I accidentally deleted the table" owns the mistake.
    id: 'accidentally',
    category: 'excuse',
    pattern: String.raw`(?<![\w-])(?:accidentally|inadvertently|unintentionally|unknowingly)[ \t]+(?=[a-z])`,
    structure: { notSentence: String.raw`\b(?:I|we)\s+(?:\w+\s+)?(?:accidentally|inadvertently|unintentionally|unknowingly)\b` },
    explanation: 'Nobody makes mistakes on purpose: say who did what, plainly.',
    replacement: '',
  },
  {
    id: 'vague-cause',
    category: 'passive-cover',
    pattern: ws(String.raw`
      \bsomewhere\s+along\s+the\s+(?:way|line)\b|\bit\s+(?:seems|seemed|appears|appeared|looks|looked)\b|\bseemingly\b|\bmysteriously\b|\bcrept\s+in\b
      \blost\s+in\s+translation\b|\bapparently\b|\b(?:stuff|things|something)\s+(?:happened|went\s+wrong)\b|\bwent\s+wrong\s+somewhere\b
      \b(?:kind|sort)\s+of\s+(?:got|went|happened|broke)\b|\bfor\s+(?:some|whatever)\s+reason\b|\bbroke\s+down\s+somewhere\b|\bat\s+some\s+point\b
      \bfell\s+through\s+the\s+cracks\b|\bout\s+of\s+nowhere\b|\b(?:issues|problems)\s+(?:occurred|happened|arose)\b|\bgot\s+messed\b|\bsomewhere\b(?=[^.]*\b(?:wrong|broke|lost|failed)\b)
      \bended\s+up\s+in\b|\bthings\s+got\b|\bbroke\s+down\b
      \bsomething\s+(?:changed|broke|happened|went|got|must\s+have|in\s+the)\b|\b(?:drifted|went\s+missing|vanished|disappeared)\b|\bmix-?up\b
      \bsome\s+(?:kind|sort)\s+of\b|\bsomething\s+(?:weird|odd|strange|funny)\b|\bnot\s+sure\s+what\s+happened\b|\bno\s+idea\s+(?:how|why)\b`),
    explanation: 'Vague words cover the cause. Say what you know, and that you don\'t know the rest yet and how you will find out.',
  },
  {
    id: 'minimising-words',
    category: 'minimising',
    pattern: ws(String.raw`
      \ba\s+(?:little\s+)?bit\b(?!\s+(?:of|more|later|earlier))|\bhardly\s+(?:anyone|anybody|any|noticed)\b|\bbarely\b|\bnegligible\b|\bno\s+(?:real\s+)?harm\b|\bno\s+biggie\b
      \bnothing\s+(?:serious|major|to\s+worry)\b|\bonly\s+(?:an?\s+)?(?:handful|few|little|small|tiny|minor)\b|\b(?:minor|small|tiny|little)\s+(?:hiccup|glitch|blip|slip|mistake|problem|issue|thing)\b
      \bcosmetic\b|\bit['’]?s\s+fine\b|\bso\s+(?:it['’]?s|it\s+was)\s+(?:fine|ok|okay)\b|\b(?:no|not\s+a)\s+(?:big|huge)\s+deal\b|\bnot\s+that\s+(?:bad|big|serious)\b
      \bfew\s+\w+\s+only\b|\bjust\s+a\b|\bonly\s+(?:the|a)\s+\w+\s+(?:was|were)\b|\bno\s+one\s+(?:really\s+)?noticed\b|\bnobody\s+(?:really\s+)?noticed\b`),
    explanation: 'This shrinks the mistake before the reader sees it. State the numbers and let readers judge.',
  },
  {
    id: 'deflecting',
    category: 'excuse',
    pattern: ws(String.raw`
      \bI\s+(?:just\s+|only\s+)?(?:followed|did)\s+what\s+(?:the\s+\w+|I\s+was|they|he|she|it)\b|\b(?:no\s*-?\s*one|nobody)\s+(?:ever\s+)?(?:mentioned|told|said|warned|informed|asked)\b
      \bout\s+of\s+my\s+hands\b|\bhow\s+we\s+(?:always|usually)\s+do\b|\bwhat\s+I\s+was\s+told\b|\b(?:didn['’]?t|did\s+not)\s+say\s+to\b|\bwas(?:n['’]t|\s+not)\s+(?:informed|told|warned)\b
      (?:\bnot|n['’]t)\s+my\s+(?:call|job|responsibility|problem|decision|area|team)\b|\beveryone\s+does\b|\bhad\s+no\s+way\s+of\s+knowing\b|\bstandard\s+practice\b|\bI\s+was\s+told\b
      \bas\s+instructed\b|\bper\s+the\s+(?:ticket|spec)\b|\bwhat\s+the\s+(?:ticket|spec|runbook|docs)\s+(?:said|asked)\b|\bhow\s+it['’]?s\s+always\s+been\b|\bnot\s+my\s+fault\b
      \b(?:only|just)\s+following\b|\btoo\s+busy\b|\bwhat\s+(?:else\s+)?could\s+I\s+(?:do|have\s+done)\b|\bI\s+had\s+no\s+(?:choice|idea|way)\b
      \bas\s+the\s+(?:docs?|documentation|runbook|ticket|spec|wiki|readme)\s+(?:say|says|said|describe|describes|described|told|tells)\b
      \bassumed\s+(?:someone|somebody|they|he|she|the\s+(?:other\s+)?\w+\s+team)\s+(?:else\s+)?(?:was|were|would|had|knew)\b
      \b(?:requirements|instructions|docs|documentation|ticket|spec|runbook)\s+(?:were|was|is|are)\s+(?:unclear|vague|wrong|outdated|misleading|incomplete|confusing)\b
      \bI\s+was(?:n['’]t|\s+not|\s+never)\s+(?:trained|shown|given|aware)\b|\bthat['’]?s\s+(?:how|what)\s+(?:I\s+was|we\s+were)\s+(?:told|trained|taught)\b
      \bbecause\s+(?:they|he|she|someone|somebody)\s+(?:told|asked)\s+me\b|\b(?:tight|impossible|unrealistic)\s+deadlines?\b|\bunder\s+(?:a\s+lot\s+of\s+)?pressure\b`),
    explanation: 'This defends instead of describing. There is nothing to defend here, only something to learn: say what you did and what you expected.',
  },
  {
    id: 'editorialising',
    category: 'blaming-others',
    pattern: String.raw`(?:^|(?<=[.!?]\s+)|(?<=^[ \t]*(?:[-*+>]|\d+\.)[ \t]+))(?:needless\s+to\s+say|of\s+course|to\s+be\s+(?:honest|fair|frank)|tbh|let['’]s\s+be\s+(?:real|honest)|let['’]s\s+face\s+it|obviously|unsurprisingly|as\s+(?:usual|always|expected)|frankly|clearly|typical(?:ly)?|predictably|honestly|naturally|surprise,?\s+surprise|once\s+again|yet\s+again)\b,?`,
    flags: 'm',
    // "To be honest, I didn't read the diff" owns it; the aside is harmless there.
    structure: { notSentence: String.raw`^\W*(?:[\w'’ ]{1,25},\s*)?(?:I|we)\b` },
    explanation: 'An aside like this tells the reader what to think before the facts do. Drop it and state what happened.',
    replacement: '',
  },
];

/** Every default rule of the wording check: the phrase rules (one superseded by id), then the structural ones. */
export const WORDING_RULES: readonly BlamelessRule[] = (() => {
  const replacing = new Map(STRUCTURAL_BLAMELESS_RULES.map((r) => [r.id, r]));
  const phrase = DEFAULT_BLAMELESS_RULES.map((r) => replacing.get(r.id) ?? r);
  return [...phrase, ...STRUCTURAL_BLAMELESS_RULES.filter((r) => !phrase.includes(r))];
})();
