// The full default rule set of the wording check: the phrase rules (defaultBlamelessRules) plus
// rules that see sentence structure and the wider vocabulary of blame — people, teams and tools
// as the cause, judging, counterfactuals, hidden actors, vagueness, minimising, excuses and
// editorialising. Data like the phrase rules: settings add, replace (same id) or disable them.
// Tuned on test/fixtures/blameless/tuning.json only; `npm run eval:blameless` measures them.
import type { BlamelessRule } from './blamelessRule';
import { DEFAULT_BLAMELESS_RULES } from './defaultBlamelessRules';
import { PERSON_WORDS_SOURCE } from './peopleWords';

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

/**
 * A person, role or team as a noun phrase: "the night shift", "our vendor's technician". (Names
 * need the tagger: patterns match case-insensitively, so a capital letter proves nothing here.)
 */
const PERSON_NP = String.raw`(?:(?:the|our|their|his|her|a|an|that|this|some)\s+)?(?:[\w'’-]+\s+){0,2}?(?:${PERSON_WORDS_SOURCE})\b`;
/** Finding, reporting or repairing something wrong is not causing it ("Joe found the bad row"). */
const FINDING_ACTS = String.raw`found|noticed|spotted|caught|reported|flagged|saw|fixed|traced|identified|detected|diagnosed|replaced|removed|reverted|rolled\s+back|corrected|pointed\s+out|confirmed|investigated|debugged|explained|showed|told|asked|warned|mentioned|said`;
/** Bare forms that, after a person, tell a past action in non-native English ("Pedro change the record"). */
const BASE_FORM_ACTS = String.raw`copy|paste|send|share|change|restart|run|deploy|delete|push|merge|drop|remove|forget|skip|ignore|miss|disable|overwrite|break|reboot|kill|rename|revert|upgrade|give|put|turn\s+off`;

/** Who or what an incident happens to: as the subject of a passive, a fact of impact. */
const IMPACT_NOUNS = String.raw`requests?|users?|customers?|clients?|orders?|invoices?|emails?|messages?|payments?|transactions?|calls?|sessions?|logins?|uploads?|signups?|visitors?|accounts?|tenants?|reports?|tickets?|pages?|notifications?|refunds?|charges?|shipments?|deliveries|it|this|that|everything|nothing|all`;
/** Things people set, open, flip or remove: with such a subject, an agentless passive hides who did it. */
const SETTING_NOUNS = String.raw`config|configuration|settings?|flags?|toggles?|switch|alarms?|alerts?|monitors?|ports?|index(?:es)?|tables?|keys?|secrets?|passwords?|credentials?|creds|tokens?|rules?|crons?|cache|ttl|limits?|quotas?|polic(?:y|ies)|buckets?|records?|dns|certificates?|certs?|branch(?:es)?|backups?|snapshots?|replicas?|volumes?|disks?|firewall|permissions?|roles?|access|webhooks?|pipelines?|scripts?|hotfix|patch|env|variables?|values?|schema|columns?|fields?|endpoints?|repo(?:sitory)?|acls?|jobs?|hosts?|nodes?|pods?|instances?|servers?`;

const JUDGING = ws(String.raw`
  reckless(?:ly)?|clueless|negligent(?:ly)?|negligence|useless|careless(?:ly|ness)?|stupid(?:ity)?|idiotic|idiots?|dumb|moronic
  garbage|trash|junk|crap(?:py)?|sloppy|sloppily|amateur(?:ish)?|lazy|lazily|incompeten(?:t|ce)|half-?baked|a\s+joke|joke\s+of
  irresponsibl[ey]|a\s+(?:total\s+|complete\s+|huge\s+)?mess|mess\s+of|poorly\s+(?:thought|designed|written|planned|executed|done|managed|tested)
  shoddy|pathetic|ridiculous|inexcusabl[ey]|unprofessional|hopeless|terrible|awful|horrible|a\s+disaster|dumpster\s+fire|very\s+bad|so\s+bad|brain-?dead
  ill-?conceived|boneheaded|clown|clowns|buggy|flaky\s+(?:garbage|junk)|rubbish|nonsense
  an?\s+(?:total|complete|absolute|utter|real|huge|total)\s+(?:disaster|joke|embarrassment|nightmare|trainwreck|shambles|failure)
  (?:very\s+|really\s+|so\s+|extremely\s+)?poor(?:ly)?\s+(?:quality|work|job|code|design|engineering|craftsmanship|written|thought|implemented|maintained|configured|documented)
  worthless|embarrassing|an\s+embarrassment|shambolic|trainwreck|train\s+wreck|nightmare\s+of|laughable|hack\s*job|half-?assed|lousy|abysmal|atrocious
  appalling|dreadful|sub-?par|substandard|inept|ineptitude|incapable|clumsy|amateurs|cowboys?|spaghetti|braindead|brainless|duct\s+tape|as\s+(?:it|they|he|she)\s+(?:tends?|likes?|loves?)\s+to\b|\b(?:blame|responsibility|fault)\s+(?:goes|lies|rests|falls|belongs)\s+(?:to|on|with)|\b(?:is|was)\s+(?:100\s*%\s+|all\s+|totally\s+|entirely\s+|squarely\s+)?on\s+(?:them|him|her|the\s+[\w-]+\s+(?:team|folks|guys|people|side))\b|held\s+together\s+(?:with|by)|no\s+clue\s+what\s+(?:they|he|she)`);

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
      verb: String.raw`(?:[\w'’]+\s+)*(?:\w+ed|held|left|gave|made|took|broke|sent|put|set|ran|let|forgot|slept|kept|lost|shut|cut|hit|wrote|threw|overwrote|rewrote|undid|froze|blew|tore|drove|hid|misread|mistook|withheld|overrode|didn['’]?t\s+\w+|did\s+not\s+\w+|never\s+\w+|${BASE_FORM_ACTS})(?:\s+(?:up|out|down|off|over|through|back|in))?`,
      notVerb: String.raw`(?:[\w'’]+\s+)*(?:called|found|reviewed|approved|helped|paired|sent|restored|rotated|confirmed|joined|told|paged|asked|showed|agreed|reported|spotted|noticed|fixed|wrote|took|added|shadowed|forwarded|retested|pinged|escalated|gave|warned|thanked|offered|suggested|answered|replied|explained|noted|mentioned|said|walked|shared|flagged|caught|saw|looked|checked|tested|verified|investigated|debugged|triaged|handled|covered|stepped|volunteered|led|presented|stayed|worked|tried|wanted|needed|used|owned|signed|received|requested|contacted|emailed|messaged|supported|recovered|rolled\s+back|reverted|mitigated|resolved|declared|opened|closed|acknowledged|noticed|identified|detected|traced|diagnosed|started|finished|completed|scheduled|planned|documented|updated|prepared|drafted|shipped\s+the\s+fix|was|were|had|did|got)(?:\s+(?:up|out|down|off|over|through|back|in|on|to|with|me|us))?`,
      // Helping: "collected the list for us", "paused it when I asked".
      notSentence: String.raw`\b(?:for|with)\s+(?:me|us)\b|\bwhen\s+(?:I|we)\s+asked\b|\bthank|\bkept\s+(?:\w+\s+){0,2}(?:informed|updated|posted|in\s+the\s+loop)\b`,
      // A cheap gate before tagging: people words, possessives, or a word (a name, perhaps: the
      // gate cannot see capitals) before a past action.
      sentence: String.raw`\b(?:${PERSON_WORDS_SOURCE}|\w+['’]s)\b|(?<=[\w,;:]\s+)(?<!\b(?:the|a|an|this|that|our|their|my|your|its|his|her|each|every|no|any|some|all)\s+)(?!(?:I|we|it|this|that|there|which|and|then|also|just|never|really|was|were|is|are|been|be|had|has|have|got|get|not)\b)[A-Za-z]+\s+(?=\w+ed\b)|^\s*(?!(?:I|we|my|our|the|this|that|it|there)\b)[A-Za-z]+\s+(?:\w+ed|held|left|gave|made|took|broke|put|set|ran|let|forgot|slept|kept|lost|shut|cut|hit|threw|overwrote|didn['’]?t|did\s+not|never)\b`,
    },
    explanation: `This makes a person or team the cause. Blame teaches the next person to hide a mistake. ${REWRITE}`,
  },
  {
    // "Support gave the customer the wrong workaround": the work is judged wrong and a person did it.
    id: 'person-wrong-work',
    category: 'blaming-others',
    pattern: String.raw`\b(?:wrong|incorrect|bad|broken|outdated|stale|invalid|untested|unreviewed|faulty|buggy|half-finished)\b`,
    structure: { subject: ['person'], passive: false, notVerb: String.raw`(?:[\w'’]+\s+)*(?:${FINDING_ACTS}|was|were|is|are|had|has|have)(?:\s+\w+)?` },
    explanation: `This makes a person or team the cause. Blame teaches the next person to hide a mistake. ${REWRITE}`,
  },
  {
    id: 'tool-as-culprit',
    category: 'blaming-others',
    pattern: String.raw`\b(?:${BLAME_VERBS})\b`,
    structure: { subject: ['tool', 'thing'], notSubjectWords: String.raw`^(?:it|this|that|which|my\s.*)$` },
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
      \bif\s+(?!I\b|we\b|you\b)[^.,;]{1,60}[,\s]\s*(?:this|it|that|none\s+of\s+this)\s+(?:wouldn['’]t|would\s+(?:not|never))\b
      \bif\s+only\s+(?!I\b|we\b)\w+
      \b(?:wouldn['’]?t|would\s+not|wouldnt|couldn['’]?t|could\s+not)\s+(?:be|have\s+been)\s+(?:in\s+)?(?:this|here|a\s+problem|an\s+issue)\b[^.]*\bif\b
      \bnone\s+of\s+(?:this|it|that)\s+would\s+(?:be|have\s+been)\s+\w+`),
    flags: 'm',
    explanation: 'Hindsight about what others could have done reads as blame. Say what happened and what you will change; ask what in the system let it happen.',
  },
  {
    // "If the testers were doing the regression test …", "unless Carla had …": a condition about
    // what a person or team did or did not do.
    id: 'counterfactual-person',
    category: 'blaming-others',
    pattern: String.raw`\b(?:if|unless)\s+(?:only\s+)?(?:${PERSON_NP})[^,.;!?]{0,40}?\b(?:had|hadn['’]t|would|were|was|did|didn['’]t|could|skipped|ignored|forgot)\b`,
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
      // Impact is a fact, whoever acted: "invoices were delayed", "the customers were logged out".
      notSubjectWords: String.raw`^(?:(?!\bof\b).)*\b(?:${IMPACT_NOUNS})$`,
      notVerb: String.raw`.*\b(?:rejected|delayed|affected|impacted|blocked|logged\s+out|charged|refunded|queued|processed|retried|lost|opened|killed|throttled|notified|declared|resolved|completed|mitigated|detected|reported|escalated|paged|sent|returned|served|degraded|born|made|done|given|found|written|hosted|located|based|scheduled|stored|kept|used|generated|documented|deprecated|partitioned|collected|called|named|needed|required|supposed|expected|caused|designed|intended|meant|built|exposed|unavailable|introduced|launched|released|created|added|started|renamed|installed|provisioned|licensed|announced|published|founded|originally\s+\w+|last\s+\w+|broken|stuck|down|gone|closed|left|fixed|restored|recovered|back|finished|involved|tagged|related|shown|limited|allowed|caught|told|asked|informed)`,
      // Timelines and measured impact name their facts; "while I investigated" names the actor.
      notSentence: String.raw`\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\bfor\s+(?:about\s+|over\s+|almost\s+)?\d+\s+(?:seconds?|minutes?|mins?|hours?|days?)\b|\b(?:while|before|until|after|when|once|as\s+soon\s+as)\s+I\b|\bas\s+(?:planned|designed|scheduled|intended|agreed|announced|documented)\b|\b(?:years?\s+ago|at\s+the\s+time|last\s+(?:year|month|quarter)|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|v?\d[\w.]*))\b`,
    },
    explanation: `The passive hides who acted. If it was me, "I pushed …" says so; if a system did it, name the system. ${REWRITE}`,
  },
  {
    // "The firewall port was opened", "the flag was left on": verbs the rule above lets pass as
    // facts ("the incident was opened") hide an actor when the subject is something people set.
    id: 'agentless-change',
    category: 'passive-cover',
    structure: {
      passive: true,
      agent: false,
      subjectWords: String.raw`\b(?:${SETTING_NOUNS})(?:\s+(?:of|for|on|in|to)\b.*)?$`,
      verb: String.raw`(?:[\w'’]+\s+)*(?:opened|left|killed|sent|made|given|introduced|exposed|renamed|installed|closed|released|launched|tagged|kept|set|shared|granted|moved|switched|turned|flipped|changed|updated|edited|modified|bumped|raised|lowered|shortened|extended|reused|copied)(?:\s+(?:on|off|open|up|down|over|out|public|private|behind))?`,
      notSentence: String.raw`\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\b(?:while|before|until|after|when)\s+I\b`,
    },
    explanation: `The passive hides who acted. If it was me, "I opened …" says so; if a system did it, name the system. ${REWRITE}`,
  },
  {
    // "Several rows were deleted": removing, silencing and disabling are actions whatever the
    // subject — even counted rows were deleted by someone or something.
    id: 'agentless-removal',
    category: 'passive-cover',
    structure: {
      passive: true,
      agent: false,
      notSubject: ['first-person'],
      verb: String.raw`(?:[\w'’]+\s+)*(?:deleted|removed|wiped|erased|truncated|purged|overwritten|force-pushed|disabled|silenced|muted|switched\s+off|turned\s+off|commented\s+out)`,
      notSentence: String.raw`\b(?:while|before|until|after|when|once|as\s+soon\s+as)\s+I\b|\bas\s+(?:planned|designed|scheduled|intended|agreed)\b`,
    },
    explanation: `The passive hides who acted. If it was me, "I deleted …" says so; if a system did it, name the system. ${REWRITE}`,
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
      \bsomewhere\s+along\s+the\s+(?:way|line)\b|\b(?:it|there)\s+(?:seems|seemed|appears|appeared|looks|looked)\b|\bthere\s+(?:seem|appear)\s+to\b|\bseemingly\b|\bmysteriously\b|\bcrept\s+in\b
      \blost\s+in\s+translation\b|\bapparently\b|\b(?:stuff|things|something)\s+(?:happened|went\s+wrong)\b|\bwent\s+wrong\s+somewhere\b
      \b(?:kind|sort)\s+of\s+(?:got|went|happened|broke)\b|\bfor\s+(?:some|whatever)\s+reason\b|\bbroke\s+down\s+somewhere\b|\bat\s+some\s+point\b
      \bfell\s+through\s+the\s+cracks\b|\bout\s+of\s+nowhere\b|\b(?:issues|problems)\s+(?:occurred|happened|arose)\b|\bgot\s+messed\b|\bsomewhere\b(?=[^.]*\b(?:wrong|broke|lost|failed)\b)
      \bended\s+up\s+in\b|\bthings\s+got\b|\bbroke\s+down\b
      \bsomething\s+(?:changed|broke|happened|went|got|must\s+have|in\s+the)\b|\b(?:drifted|went\s+missing|vanished|disappeared)\b|\bmix-?up\b
      \bsome\s+(?:kind|sort)\s+of\b|\bsomething\s+(?:weird|odd|strange|funny)\b|\bnot\s+sure\s+what\s+happened\b|\bno\s+(?:idea|clue)\s+(?:how|why|what)\b
      \balong\s+the\s+(?:way|line)\b|\bsomething\s+somewhere\b|\b(?:is|was|seems|seemed)\s+(?:a\s+bit\s+|slightly\s+)?off\s+with\b|\b(?:kinda|sorta)\b`),
    explanation: 'Vague words cover the cause. Say what you know, and that you don\'t know the rest yet and how you will find out.',
  },
  {
    // Problems that "happened", "various factors", changes that "were made": a second list of vague causes.
    id: 'vague-happening',
    category: 'passive-cover',
    pattern: ws(String.raw`
      \b(?:some|an?|the)\s+(?:problem|issue|error|glitch|confusion|miscommunication|misunderstanding)s?\s+(?:happened|occurred|arose|came\s+up|popped\s+up|showed\s+up|appeared)\b
      \bsome\s+(?:confusion|miscommunication|misunderstanding|mix-?up)\b|\bmaybe\s+(?:there\s+was|something|someone|somebody)\b|\bhow\s+(?:exactly\s+)?(?:it|this|that)\s+happened\s+is\s+(?:unclear|not\s+clear)\b
      \b(?:stuff|things)\s+(?:got|went|became|were)\s+(?:weird|strange|odd|funny|messy|wonky|sideways)\b|\bsomething\s+(?:is|was)\s+(?:happen|happening|going\s+on)\b
      \b(?:things|stuff|something|details)\s+(?:slipped|fell)\s+through\b|\b(?:unclear|not\s+clear|who\s+knows)\s+(?:how|why|what)\b|\bwho\s+knows\b|\b(?:in\s+some\s+way|one\s+way\s+or\s+another|some\s+way\s+or\s+another)\b
      \b(?:various|several|multiple|a\s+number\s+of|a\s+combination\s+of|a\s+variety\s+of)\s+(?:factors|reasons|circumstances|things)\b
      \b(?:certain|some|various)\s+(?:changes|modifications|adjustments|updates)\s+(?:were|was|got|have\s+been)\s+(?:made|applied|done|introduced)\b
      \b(?:inconsistencies|errors|bugs|problems|issues|discrepancies)\s+(?:were|got)\s+introduced\b|\bover\s+time,?\s+(?:\w+\s+){0,3}(?:were|was|got)\s+\w+ed\b`),
    explanation: 'Vague words cover the cause. Say what you know, and that you don\'t know the rest yet and how you will find out.',
  },
  {
    id: 'minimising-words',
    category: 'minimising',
    pattern: ws(String.raw`
      \ba\s+(?:little\s+)?bit\b(?!\s+(?:of|more|later|earlier))|\bhardly\s+(?:anyone|anybody|any|noticed)\b|\bbarely\b|\bnegligible\b|\bno\s+(?:real\s+)?harm\b|\bno\s+biggie\b
      \bnothing\s+(?:serious|major|to\s+worry)\b|\bonly\s+(?:an?\s+)?(?:handful|few|little|small|tiny|minor)\b|\b(?:minor|small|tiny|little)\s+(?:hiccup|glitch|blip|slip|mistake|problem|issue|thing)\b
      \bcosmetic\b|\bit['’]?s\s+fine\b|\bso\s+(?:it['’]?s|it\s+was)\s+(?:fine|ok|okay)\b|\b(?:no|not\s+a)\s+(?:big|huge)\s+deal\b|\bnot\s+that\s+(?:bad|big|serious)\b
      \bfew\s+\w+\s+only\b|\bjust\s+a\b|\bonly\s+(?:the|a)\s+\w+\s+(?:was|were)\b|\bno\s+one\s+(?:really\s+)?noticed\b|\bnobody\s+(?:really\s+)?noticed\b
      \blimited\s+to\s+(?:a\s+)?(?:small|few|handful|tiny|couple|minor)\b|\b(?:a\s+)?(?:small|tiny|negligible|limited)\s+(?:number|amount|fraction|subset|portion|percentage)\b|\bnot\s+worth\s+(?:a|an|the|any)\b
      \b(?:basically|mostly|essentially|largely|practically|pretty\s+much|more\s+or\s+less)\s+(?:harmless|fine|ok|okay|nothing|invisible|unnoticed|unaffected|a\s+non-?issue)\b|\bharmless\b|\bnon-?(?:issue|event)\b
      \b(?:minor|small|slight|mild|little)\s+(?:inconvenience|annoyance|disruption|degradation|delay|hiccup)\b|\b(?:just|only)\s+a\s+handful\b
      \b(?:most|many)\s+(?:users|people|customers)\s+(?:would(?:n['’]t|\s+not)\s+have|did(?:n['’]t|\s+not)|probably\s+didn['’]t)\s+(?:noticed|notice|care|cared)\b
      \bunlikely\s+to\s+(?:matter|affect|be\s+noticed|bother)\b|\bdoes(?:n['’]?t|\s+not)\s+really\s+matter\b|\bnothing\s+to\s+see\b|\bnobody\s+(?:really\s+)?complained\b|\bno\s+one\s+(?:really\s+)?complained\b`),
    explanation: 'This shrinks the mistake before the reader sees it. State the numbers and let readers judge.',
  },
  {
    id: 'deflecting',
    category: 'excuse',
    pattern: ws(String.raw`
      \bI\s+(?:just\s+|only\s+|simply\s+)?(?:followed|did)\s+(?:exactly\s+)?what\s+(?:the\s+[\w-]+|I\s+was|they|he|she|it)\b|\b(?:no\s*-?\s*one|nobody)\s+(?:ever\s+)?(?:mentioned|told|said|warned|informed|asked)\b
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
    // Deflecting onto instructions, habits and not being told: a second list, so each stays readable.
    id: 'deflecting-instructions',
    category: 'excuse',
    pattern: ws(String.raw`
      \b(?:I|we)\s+(?:was|were)(?:n['’]t|\s+not|\s+never)\s+(?:\w+\s+)?(?:told|informed|warned|asked|consulted|notified|made\s+aware|trained|shown|given)\b
      \b(?:no\s*-?\s*one|nobody)\s+(?:ever\s+|really\s+|was\s+|had\s+)?(?:mention|tell|inform|warn|ask|say|said|told|let|gave|giving|give)\w*\s+(?:me|us|anything|about)\b
      \bI\s+(?:only|just|merely)\s+\w+\s+(?:what|the\s+\w+\s+(?:that\s+was\s+|as\s+)?(?:in|from|written\s+in)\s+the\s+(?:wiki|runbook|docs|documentation|ticket|spec|readme|playbook))\b
      \b(?:instructions|docs|documentation|runbook|ticket|spec|wiki|readme|handover|brief)\b[^.;]{0,30}?\b(?:did(?:n['’]t|\s+not)|never)\s+(?:mention|say|cover|include|warn|tell|explain)\b
      \b(?:like|as|what)\s+(?:(?:the|my|our)\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:told|asked|instructed|said|wanted)\s+(?:me|us)\b|\bnot\s+my\s+(?:mistake|error|doing)\b
      \btoo\s+much\s+on\s+(?:my|our)\s+plate\b|\b(?:I|we)\s+(?:was|were)\s+(?:too\s+|so\s+)?(?:swamped|overloaded|stretched|slammed|overworked)\b|\b(?:I|we)\s+had\s+no\s+time\s+to\b
      \bnot\s+on\s+me\b|\bI\s+was\s+(?:on\s+(?:PTO|vacation|holiday|leave)|off|out\s+of\s+(?:the\s+)?office|away)\s+when\b
      \babove\s+my\s+pay\s*-?grade\b|\bnot\s+(?:up\s+to|for)\s+me\s+to\b|\b(?:I|we)\s+(?:just|only)\s+did\s+(?:my|our)\s+job\b
      \b(?:we|they)(?:['’]ve|\s+have)?\s+always\s+(?:done|used|did|run|handled|deployed)\b|\bthe\s+way\s+(?:it['’]?s|it\s+has)\s+always\s+been\b
      \b(?:told|asked|instructed)\s+(?:me|us)\s+to\b[^.;]{0,50}?,?\s+so\s+(?:I|we)\b|\bhow\s+(?:was|were|could|would)\s+(?:I|we)\s+(?:supposed\s+to\s+|have\s+|to\s+)?know\b
      \bno\s+way\s+(?:I|we)\s+could\s+have\s+known\b|\b(?:I|we)\s+could(?:n['’]t|\s+not)\s+have\s+known\b|\bI\s+did\s+(?:exactly\s+)?as\s+(?:I\s+was\s+)?(?:told|asked|instructed)\b`),
    explanation: 'This defends instead of describing. There is nothing to defend here, only something to learn: say what you did and what you expected.',
  },
  {
    id: 'editorialising',
    category: 'blaming-others',
    pattern: String.raw`(?:^|(?<=[.!?]\s+)|(?<=^[ \t]*(?:[-*+>]|\d+\.)[ \t]+)|(?<=^[ \t]*(?:yeah|well|ok|okay|so|and|but|lol|ugh|sigh)(?:,?\s+(?:yeah|well|ok|so))*,?\s+))(?:needless\s+to\s+say|of\s+course|to\s+be\s+(?:honest|fair|frank)|tbh|let['’]?s\s+be\s+(?:real|honest|frank)|let['’]?s\s+face\s+it|(?:big\s+)?shocker|surprise|no\s+surprise(?:\s+there)?|go\s+figure|not\s+surprisingly|sure\s+enough|inevitably|of\s+all\s+(?:days|times)|classic|obviously|unsurprisingly|as\s+(?:usual|always|expected)|frankly|clearly|typical(?:ly)?|predictably|honestly|naturally|surprise,?\s+surprise|once\s+again|yet\s+again)\b,?`,
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
