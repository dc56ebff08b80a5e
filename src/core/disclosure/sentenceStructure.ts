// Sentence structure for the blameless check: for each verb in a sentence, who its subject is
// (me, another person or team, a tool, a number, a thing), whether it is passive and whether the
// sentence names who did it ("by me"). Part-of-speech tags come from `compromise` (its tagger
// build, compromise/two), required on first use only (a few hundred ms and a few MB): activation
// and notes that never reach a structural rule never load it. Parsed sentences are cached, so
// re-checking while typing only parses the sentences that changed.

import { PERSON_WORDS_SOURCE, TOOL_WORDS_SOURCE } from './peopleWords';

export type SubjectKind = 'first-person' | 'person' | 'tool' | 'number' | 'thing' | 'none';

export interface Clause {
  /** Offsets of the verb group ("was pushed", "never bothered") in the sentence, end exclusive. */
  start: number;
  end: number;
  /** The verb group's words, lower case, single spaces. */
  verb: string;
  subject: SubjectKind;
  /** The subject's words as written ("" when none). */
  subjectText: string;
  /** A past passive: "was pushed", "got removed", "had been edited". */
  passive: boolean;
  /** Names who did it: "by me", "by the platform team" (not "by an hour", "by mistake"). */
  agent: boolean;
}

interface Term {
  text: string;
  normal: string;
  tags: ReadonlySet<string>;
  post: string;
  start: number;
  end: number;
}

type Nlp = (text: string) => { docs: { text: string; normal?: string; tags: Set<string>; post?: string }[][] };
let nlp: Nlp | undefined;
let loaded = false;
const cache = new Map<string, Clause[]>();
const CACHE_LIMIT = 5000;

/** Whether `compromise` has been loaded in this process (activation must not load it). */
export function isLanguageModelLoaded(): boolean {
  return loaded;
}

/** compromise's hooks this check does without (see tagger). */
export const SKIPPED_TAGGER_HOOKS: readonly string[] = ['postTagger'];

function tagger(): Nlp {
  if (!nlp) {
    // The tagger build ("two"): the same tags as the default build, without its chunker and
    // sentence views — half the time per sentence and about 75 KiB less in the bundle.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loadedNlp = require('compromise/two') as Nlp & { world(): { hooks: string[] } };
    // Without the post-tagger, the pass of match-based corrections run after the lexicon and
    // suffix tagging: it took about two thirds of the tagging time, and the wording eval loses
    // nothing without it (docs/performance.md) once the two corrections this check needs are made
    // here (corrected). The only setting of compromise this module changes.
    const world = loadedNlp.world();
    world.hooks = world.hooks.filter((hook) => !SKIPPED_TAGGER_HOOKS.includes(hook));
    nlp = loadedNlp;
    loaded = true;
  }
  return nlp;
}

/** The compute steps the tagger runs on each text (for the test that holds SKIPPED_TAGGER_HOOKS). */
export function taggerHooks(): readonly string[] {
  return (tagger() as Nlp & { world(): { hooks: string[] } }).world().hooks;
}

/** Forgets parsed sentences (for benchmarks that measure a first check). */
export function clearSentenceCache(): void {
  cache.clear();
}

/** The clauses of one sentence (no line breaks expected), from the cache when seen before. */
export function clausesOf(sentence: string): Clause[] {
  return clausesOfMany([sentence])[0];
}

/**
 * The clauses of many sentences. Those not in the cache are tagged a batch at a time: the tagger
 * has a cost per call as well as per word, and a long note has hundreds of sentences to look at;
 * but one call for all of them keeps thousands of its terms alive at once, which made garbage
 * collection a third of a long note's check (docs/performance.md).
 */
export function clausesOfMany(sentences: readonly string[]): Clause[][] {
  const found = new Map<string, Clause[]>();
  for (const s of sentences) {
    const hit = cache.get(s);
    if (hit) {
      found.set(s, hit);
    }
  }
  const missing = [...new Set(sentences.filter((s) => !found.has(s)))];
  for (let b = 0; b < missing.length; b += TAGGING_BATCH) {
    const batch = missing.slice(b, b + TAGGING_BATCH);
    const terms = termsOf(batch.join('\n'));
    let from = 0;
    let k = 0;
    for (const sentence of batch) {
      const end = from + sentence.length;
      const own: Term[] = [];
      for (; k < terms.length && terms[k].start < end; k++) {
        if (terms[k].start >= from) {
          own.push({ ...terms[k], start: terms[k].start - from, end: terms[k].end - from });
        }
      }
      const clauses = analyse(corrected(own));
      found.set(sentence, clauses);
      remember(sentence, clauses);
      from = end + 1;
    }
  }
  return sentences.map((s) => found.get(s) ?? []);
}

/** Sentences per call of the tagger (see clausesOfMany): measured best among 1, 4, 8, 16, 64 and all. */
export const TAGGING_BATCH = 8;

function remember(sentence: string, clauses: Clause[]): void {
  if (cache.size >= CACHE_LIMIT) {
    cache.delete(cache.keys().next().value as string);
  }
  cache.set(sentence, clauses);
}

function termsOf(sentence: string): Term[] {
  const terms: Term[] = [];
  let cursor = 0;
  for (const group of tagger()(sentence).docs) {
    for (const t of group) {
      const at = sentence.indexOf(t.text, cursor);
      const start = at >= 0 ? at : cursor;
      const end = at >= 0 ? at + t.text.length : cursor;
      cursor = end;
      terms.push({ text: t.text, normal: (t.normal ?? t.text).toLowerCase(), tags: t.tags, post: t.post ?? '', start, end });
    }
  }
  return terms;
}

const BE = /^(?:was|were|got|get|gets|gotten|been|is|are|be|being|had|has|have)$/;
const COPULA = /^(?:was|were|is|are)(?: not)?$/;
const PAST_BE = /^(?:was|were|got|gotten|been)$/;
const CLAUSE_WORDS = /^(?:and|but|so|because|that|which|who|when|while|until|if|unless|after|before|since|then|although|though|whereas|as|whether)$/;
const FIRST_PERSON = /^(?:i|we|me|my|myself|i'm|i've|i'd|i'll|we're|we've|we'd|we'll|ourselves)$/;
const PERSON_WORDS = new RegExp(`^(?:${PERSON_WORDS_SOURCE})$`);
const TOOL_WORDS = new RegExp(`^(?:${TOOL_WORDS_SOURCE})$`);
/** Abstract and system nouns that start sentences bare ("Latency rose"), unlike names ("Priya pushed"). */
const NOT_A_NAME = /(?:cy|ry|ion|ment|ity|ness|age|ing|ure|ance|ence|ics|ism|al|ic|s)$|^(?:traffic|checkout|login|search|load|disk|cpu|memory|everything|nothing|something|someone|everyone|nobody|alerting|billing|payroll|prod|staging|main|master|traffic|data|config|code|it|this|that|there|then|now|today|yesterday|tonight|again|also|later|first|next|finally|meanwhile)$/;
const NOT_AGENT = /^(?:mistake|accident|default|hand|design|chance|error|hours?|minutes?|seconds?|days?|weeks?|months?|years?|half|far|then|now|noon|midnight|itself|themselves|percent|a|an|one|two|three|about|around|roughly|up|to)$/;
const MODAL = /^(?:will|would|can|could|should|shall|may|might|must|do|does|did)$/;
const PARTICIPLE = /^(?:\w+(?:ed|en)|run|set|put|shut|cut|hit|left|sent|built|made|done|kept|lost|told|sold|held|spent|undone|redone|reset|rerun|upgraded|downgraded)$/;
const RELATIVE = /^(?:who|which|that|whoever)$/;
const PREPOSITION = /^(?:of|behind|for|in|on|at|from|with|inside|within|under|over|across|near|about)$/;
const NUMBER_WORDS = /^(?:no|none|all|some|most|many|few|several|half|every|each|both|any)$/;

function analyse(terms: Term[]): Clause[] {
  const clauses: Clause[] = [];
  let i = 0;
  let lastSubject: { kind: SubjectKind; text: string } | undefined;
  let mainSubject: { kind: SubjectKind; text: string } | undefined;
  let lastVerb = '';
  let lastRelative = false;
  while (i < terms.length) {
    if (!isVerb(terms[i]) || isNounBeforeVerb(terms, i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < terms.length && !/[,;:]/.test(terms[j].post) && !startsClause(terms[j], terms[j + 1])
      && (isVerb(terms[j + 1]) || isVerbAdverb(terms[j + 1], terms[j + 2]) || (BE.test(terms[j].normal) && PARTICIPLE.test(terms[j + 1].normal)))) {
      j++;
    }
    // "Stripe messed up": a sentence-initial name the tagger took for a verb is the subject.
    let nameAsVerb: Term | undefined;
    if (i === 0 && j > 0 && /^[A-Z]/.test(terms[0].text) && !BE.test(terms[0].normal) && !MODAL.test(terms[0].normal) && terms[1].tags.has('PastTense')) {
      nameAsVerb = terms[0];
      i = 1;
    }
    const group = terms.slice(i, j + 1);
    const words = group.map((t) => t.normal);
    let subject = nameAsVerb ? { kind: 'tool' as SubjectKind, text: nameAsVerb.text } : subjectBefore(terms, i);
    if (subject.kind === 'none' && lastSubject && i > 0 && (/^(?:and|but|then|or)$/.test(terms[i - 1].normal) || lastRelative)) {
      // "I assumed the replica was in sync and did not check": after a clause that only says
      // what something was, "and …" goes on with the sentence's own subject.
      subject = COPULA.test(lastVerb) && mainSubject && !lastRelative ? mainSubject : lastSubject;
    }
    lastRelative = relativeBefore(terms, i);
    const passive = isPassive(group);
    clauses.push({
      start: group[0].start,
      end: group[group.length - 1].end,
      verb: words.join(' '),
      subject: subject.kind,
      subjectText: subject.text,
      passive,
      agent: passive && hasAgent(terms, j + 1),
    });
    if (subject.kind !== 'none') {
      lastSubject = subject;
      mainSubject ??= subject;
    }
    lastVerb = words.join(' ');
    i = j + 1;
  }
  return clauses;
}

/** "40 messages were dropped", "the smoke tests failed": a plural the tagger read as a verb. */
function isNounBeforeVerb(terms: Term[], i: number): boolean {
  const t = terms[i];
  const before = terms[i - 1];
  const after = terms[i + 1];
  return t.tags.has('PresentTense') && /s$/.test(t.normal) && !!before && !!after && !/[,;:]/.test(t.post)
    && (before.tags.has('Value') || before.tags.has('Determiner') || before.tags.has('Adjective') || (before.tags.has('Noun') && !before.tags.has('Pronoun')))
    && isVerb(after) && (BE.test(after.normal) || after.tags.has('PastTense'));
}

/**
 * The corrections of compromise's post-tagger this check needs (it runs without it, see tagger):
 * a word after an article or a possessive, and any adjectives, is a noun ("the intern pushed",
 * "every key in production", "the next deploy"), and a particle right after it a preposition.
 */
function corrected(terms: Term[]): Term[] {
  const afterDeterminer = (i: number): boolean => {
    let k = i - 1;
    while (k >= 0 && terms[k].tags.has('Adjective') && !/[,;:]/.test(terms[k].post)) {
      k--; // "the next deploy", "a new intern"
    }
    return k >= 0 && DETERMINER.test(terms[k].normal) && !/[,;:]/.test(terms[k].post);
  };
  return terms.map((t, i) => {
    if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Modal') && afterDeterminer(i)) {
      return { ...t, tags: AS_NOUN };
    }
    if (t.tags.has('Particle') && i > 0 && terms[i - 1].tags.has('Verb') && afterDeterminer(i - 1)) {
      return { ...t, tags: AS_PREPOSITION };
    }
    return t;
  });
}

/** Articles and possessives: never followed by a verb ("this" and "that" can be pronouns, so not them). */
const DETERMINER = /^(?:the|a|an|every|each|our|their|his|her|my|your|its)$/;
const AS_NOUN: ReadonlySet<string> = new Set(['Noun', 'Singular']);
const AS_PREPOSITION: ReadonlySet<string> = new Set(['Preposition']);

/** "The setup we inherited is a mess": a copula after a full verb starts the next clause. */
function startsClause(t: Term, next: Term): boolean {
  // "a shell I believed was connected": after a verb of thinking, the copula stays with it.
  return BE.test(next.normal) && !/^(?:believed|thought|assumed|expected|knew|figured|guessed|said|hoped|presumed|understood)$/.test(t.normal) && !BE.test(t.normal) && !MODAL.test(t.normal) && !t.tags.has('Auxiliary') && !t.tags.has('Negative') && t.normal !== 'not';
}

function isVerb(t: Term): boolean {
  return t.tags.has('Verb') && !t.tags.has('Gerund');
}

/** "never", "not", "clearly" inside a verb group ("never bothered", "was not informed"). */
function isVerbAdverb(t: Term | undefined, next: Term | undefined): boolean {
  return !!t && !!next && (t.tags.has('Adverb') || t.tags.has('Negative') || t.normal === 'not') && isVerb(next);
}

function isPassive(group: Term[]): boolean {
  const be = group.findIndex((t) => BE.test(t.normal));
  if (be < 0) {
    return false;
  }
  const participle = group.slice(be + 1).some((t) => t.tags.has('Passive') || t.tags.has('Participle') || t.tags.has('PastTense') || PARTICIPLE.test(t.normal));
  if (!participle) {
    return false;
  }
  // A past passive only: "is written in Go", "are kept for 30 days" describe how things are.
  return group.some((t) => PAST_BE.test(t.normal));
}

function hasAgent(terms: Term[], from: number): boolean {
  for (let k = from; k < terms.length; k++) {
    const t = terms[k];
    if (t.normal === 'by') {
      let n = k + 1;
      while (n < terms.length && /^(?:the|our|their|his|her|a|an|my|two|three|several)$/.test(terms[n].normal)) {
        n++;
      }
      const who = terms[n];
      const counted = who && /\d/.test(who.text) && terms[n + 1]?.tags.has('Plural'); // "by 3,000 users"
      const acronym = who && /^[A-Z]{2,}$/.test(who.text); // "by CI", "by QA" (not Roman numerals)
      if (who && (counted || acronym || (!NOT_AGENT.test(who.normal) && !who.tags.has('Value') && !who.tags.has('Date') && !/\d/.test(who.text)))) {
        return true;
      }
    }
    if (/[;]/.test(t.post) || (k > from && isVerb(t) && CLAUSE_WORDS.test(terms[k - 1].normal))) {
      return false;
    }
  }
  return false;
}

/** The noun phrase before a verb group, back to the clause's start. */
function subjectBefore(terms: Term[], verbAt: number): { kind: SubjectKind; text: string } {
  const words: Term[] = [];
  let relative = false;
  if (terms[verbAt - 1]?.normal === 'to') {
    return { kind: 'none', text: '' }; // "asked Ana to restart it": an infinitive has no subject of its own
  }
  for (let k = verbAt - 1; k >= 0; k--) {
    const t = terms[k];
    if (RELATIVE.test(t.normal) && words.length === 0 && k > 0 && (terms[k - 1].tags.has('Noun') || terms[k - 1].tags.has('Pronoun'))) {
      relative = true; // "the person who set it up", "the analytics team, who pointed …": the subject is before "who"
      continue;
    }
    if (t.normal === 'whoever') {
      words.unshift(t);
      break;
    }
    if ((/[,;:]/.test(t.post) && !(relative && words.length === 0)) || CLAUSE_WORDS.test(t.normal) || (isVerb(t) && !isNounBeforeVerb(terms, k)) || t.tags.has('QuestionWord')) {
      break;
    }
    words.unshift(t);
  }
  const text = words.map((t) => t.text).join(' ');
  const normals = words.map((t) => t.normal.replace(/['’]s$/, '').replace(/\.$/, ''));
  const nouns = words.filter((t) => t.tags.has('Noun') || t.tags.has('Pronoun') || t.tags.has('Value'));
  if (nouns.length === 0) {
    // "Legal held up the release": a department the tagger read as an adjective.
    return normals.some((w) => PERSON_WORDS.test(w)) && !normals.some((w) => FIRST_PERSON.test(w)) ? { kind: 'person', text } : { kind: 'none', text: '' };
  }
  if (normals.some((w) => FIRST_PERSON.test(w))) {
    return { kind: 'first-person', text };
  }
  // A number counts before a preposition ("40 of the messages"), not inside one ("the team behind module 5").
  const ofAt = normals.findIndex((w, k) => k > 0 && PREPOSITION.test(w));
  const head = ofAt < 0 ? words : words.slice(0, ofAt);
  if (head.some((t) => /\d/.test(t.text) || (t.tags.has('Cardinal') && /^[a-z]+$/.test(t.text))) || NUMBER_WORDS.test(normals[0])) {
    return { kind: 'number', text };
  }
  // "Mark's script": a person's work stands for the person.
  if (words.some((t) => t.tags.has('Person') && t.tags.has('Possessive'))) {
    return { kind: 'person', text };
  }
  // The head noun decides ("our vendor's engineer" is a person, "the vendor's API" a tool).
  const headNoun = nouns[nouns.length - 1].normal.replace(/['’]s$/, '');
  if (PERSON_WORDS.test(headNoun) || nouns[nouns.length - 1].tags.has('Person')) {
    return { kind: 'person', text };
  }
  if (TOOL_WORDS.test(headNoun)) {
    return { kind: 'tool', text };
  }
  if (words.some((t) => t.tags.has('Person')) || normals.some((w) => PERSON_WORDS.test(w))) {
    return { kind: 'person', text };
  }
  if (normals.some((w) => TOOL_WORDS.test(w)) || words.some((t) => t.tags.has('Organization') || /^[A-Z0-9]{2,}$/.test(t.text))) {
    return { kind: 'tool', text };
  }
  // A name the tagger does not know: a proper noun inside the sentence ("then Priya pushed"), or
  // a bare capitalised word opening it that is not an abstract or system noun ("Priya pushed").
  if (words.some((t) => t.tags.has('ProperNoun') && k0(t)) || (words.length === 1 && isBareName(words[0]))) {
    return { kind: 'person', text };
  }
  return { kind: 'thing', text };
}

/** Whether the verb at `verbAt` sits in a relative clause ("who set it up", "whoever wrote it"). */
function relativeBefore(terms: Term[], verbAt: number): boolean {
  const t = terms[verbAt - 1];
  return !!t && (RELATIVE.test(t.normal) || t.normal === 'whoever');
}

/** A capitalised word opening a sentence, without a determiner, that reads as a name. */
function isBareName(t: Term): boolean {
  return t.start === 0 && /^[A-Z][a-z]+$/.test(t.text) && t.tags.has('Singular') && !t.tags.has('Pronoun') && !NOT_A_NAME.test(t.normal);
}

/** A proper noun that is not just the capital at the start of a sentence. */
function k0(t: Term): boolean {
  return t.start > 0 || /[A-Z].*[A-Z]/.test(t.text);
}
