// The structural pass of the blameless check: rules with a `structure` are tried sentence by
// sentence, and a match counts only when the clause it falls in has the structure (its subject,
// passive or not, agent or not). Sentences no structural rule could apply to are never tagged,
// and the rest are tagged in one batch, which keeps a long note's check cheap and leaves
// `compromise` unloaded for most text.
import type { CompiledRule } from './blamelessRule';
import { NOT_PROSE } from './proseOnly';
import { clauseFits } from './ruleStructure';
import { clausesOfMany, type Clause } from './sentenceStructure';

export interface StructuralHit {
  start: number;
  end: number;
  rule: CompiledRule;
  match?: RegExpExecArray;
}

/** A place a structural rule may fire, once the text it needs has been tagged. */
interface Candidate {
  rule: CompiledRule;
  /** Offset of `text` in the prose. */
  offset: number;
  /** The words to tag: for a match, its clause up to the match; for a passive rule, the sentence. */
  text: string;
  match?: RegExpExecArray;
  /** The match's offsets in `text`. */
  start: number;
  end: number;
}

const NO_CLAUSE: Clause = { start: 0, end: 0, verb: '', subject: 'none', subjectText: '', passive: false, agent: false };
const PAST_BE_WORD = /\b(was|were|got|gotten|been)\s+(?:(?:not|never|\w+ly)\s+)?([A-Za-z-]+)(?:\s+([A-Za-z]+))?/gi;
const NOT_PROSE_RUN = new RegExp(`${NOT_PROSE}+`, 'g');

/** Sentences of prose (offsets in it): split at line breaks and after . ! ? followed by a space. */
export function sentencesOf(prose: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /[^\n.!?]+(?:[.!?]+(?=\S)[^\n.!?]*)*[.!?]*/g;
  for (let m = re.exec(prose); m; m = re.exec(prose)) {
    if (/[A-Za-z]/.test(m[0])) {
      out.push({ start: m.index, text: m[0] });
    }
  }
  return out;
}

/** Findings of the structural rules in `prose`, offsets in it. */
export function structuralHits(prose: string, rules: CompiledRule[]): StructuralHit[] {
  if (rules.length === 0) {
    return [];
  }
  const candidates: Candidate[] = [];
  for (const sentence of sentencesOf(prose)) {
    // Code and URLs become spaces of the same length: offsets stay, the tagger sees no symbols.
    const text = sentence.text.replace(NOT_PROSE_RUN, (run) => ' '.repeat(run.length));
    candidates.push(...oneTagging(candidatesIn(text, sentence.start, rules), text, sentence.start));
  }
  const tagged = clausesOfMany(candidates.map((c) => c.text));
  const hits: StructuralHit[] = [];
  candidates.forEach((c, i) => {
    const s = c.rule.rule.structure!;
    if (c.match) {
      if (clauseFits(clauseAt(tagged[i], c.start, c.end), s, c.rule.tests)) {
        hits.push({ start: c.offset + c.start, end: c.offset + c.end, rule: c.rule, match: c.match });
      }
      return;
    }
    for (const clause of tagged[i]) {
      if (clauseFits(clause, s, c.rule.tests)) {
        hits.push({ start: c.offset + clause.start, end: c.offset + clause.end, rule: c.rule });
      }
    }
  });
  return hits;
}

/**
 * When one rule needs the whole sentence tagged, the others' clauses are read from that same
 * tagging rather than tagged again on their own: each sentence is tagged at most once.
 */
function oneTagging(candidates: Candidate[], sentence: string, at: number): Candidate[] {
  if (!candidates.some((c) => c.offset === at && c.text === sentence)) {
    return candidates;
  }
  return candidates.map((c) => {
    const shift = c.offset - at;
    return { ...c, offset: at, text: sentence, start: c.start + shift, end: c.end + shift };
  });
}

function candidatesIn(text: string, at: number, rules: CompiledRule[]): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) {
    const s = rule.rule.structure!;
    const { sentence, notSentence } = rule.tests;
    if (notSentence?.test(text) || (sentence && !sentence.test(text))) {
      continue;
    }
    if (rule.regex) {
      rule.regex.lastIndex = 0;
      for (let m = rule.regex.exec(text); m; m = rule.regex.exec(text)) {
        if (m[0] === '') {
          rule.regex.lastIndex++;
          continue;
        }
        // Only the match's clause, up to the match, is tagged: its subject and verb lie there.
        const end = m.index + m[0].length;
        const before = text.slice(0, end);
        const from = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' - ')) + 1;
        // Two words past the match give the tagger the context to read the match's own words.
        const tail = /^(?:\s+[\w'’-]+){0,2}/.exec(text.slice(end))![0].length;
        out.push({ rule, offset: at + from, text: text.slice(from, end + tail), match: m, start: m.index - from, end: end - from });
      }
    } else if (s.passive === true ? mayBePassive(text, rule) : mayHaveVerb(text, rule)) {
      out.push({ rule, offset: at, text, start: 0, end: 0 });
    }
  }
  return out;
}

/**
 * Whether a passive rule could fit: some "was/were/got … word" whose verb the rule allows and
 * does not exclude. Tagging is the costly step, so "1,400 requests were rejected" is never tagged.
 */
function mayBePassive(text: string, rule: CompiledRule): boolean {
  PAST_BE_WORD.lastIndex = 0;
  const { verb, notVerb } = rule.tests;
  for (let m = PAST_BE_WORD.exec(text); m; m = PAST_BE_WORD.exec(text)) {
    if (!mayBeParticiple(m[2]) && !(m[3] && mayBeParticiple(m[3]))) {
      continue; // "was simply a small glitch", "were in sync": no participle, nothing to tag
    }
    const words = `${m[1]} ${m[2]}`.toLowerCase();
    // A rule about some verbs only ("was deleted") need not tag "was rejected"; the next word
    // is tried too, for a particle ("was switched off").
    const withNext = m[3] ? `${words} ${m[3].toLowerCase()}` : words;
    if (verb && !verb.test(words) && !verb.test(withNext)) {
      continue;
    }
    if (!notVerb || !notVerb.test(words)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a rule about some verbs ("person-acted": any past action but helping, finding, telling)
 * could fit: some run of one to three words, with a particle after it or not, that its verb test
 * allows and its not-verb test does not exclude, and, for a rule whose subject cannot be me, not
 * right after "I" or "we". The tests match the end of a verb group (words may come before), so a
 * clause the rule would flag always has such a run: "Ana called me and I rolled it back" is never
 * tagged, "Ana called it done and shipped it" is.
 */
function mayHaveVerb(text: string, rule: CompiledRule): boolean {
  const { verb, notVerb } = rule.tests;
  if (!verb) {
    return true;
  }
  const mineExcluded = rule.rule.structure?.subject !== undefined && !rule.rule.structure.subject.includes('first-person');
  const words = text.split(/[^\w'’]+/).filter(Boolean); // hyphens split, as the tagger splits them
  const fits = (run: string): boolean => verb.test(run) && !notVerb?.test(run);
  let lastMine = -2; // where "I" or "we" last stood
  for (let i = 0; i < words.length; i++) {
    if (mineExcluded && FIRST_PERSON_WORD.test(words[i])) {
      lastMine = i;
      continue;
    }
    // The longest run of up to three words ending here: a verb group never holds "I" or "we",
    // and one right after them has me as its subject.
    const from = Math.max(i - 2, lastMine + 2);
    if (from > i) {
      continue;
    }
    for (const particle of words[i + 1] ? ['', ` ${words[i + 1]}`] : ['']) {
      // The tests allow any words before the group, so the longest run says whether any of its
      // endings is a verb; only when it is also excluded are the shorter endings tried.
      if (!verb.test(`${words.slice(from, i + 1).join(' ')}${particle}`)) {
        continue;
      }
      for (let f = from; f <= i; f++) {
        if (fits(`${words.slice(f, i + 1).join(' ')}${particle}`)) {
          return true;
        }
      }
    }
  }
  return false;
}

const FIRST_PERSON_WORD = /^(?:I|we)$/i;

/**
 * Whether a word could be a past participle: it ends as nearly all do ("pushed", "broken",
 * "sent", "hung", "stuck") or is one of the few that do not ("made", "done", "come"), and is
 * not one of the short words that follow "was" without being one ("in", "and", "about").
 * Spelling only: the tagger decides; this keeps sentences that cannot hold a passive untagged.
 */
function mayBeParticiple(word: string): boolean {
  const w = word.toLowerCase();
  return (/(?:[dtnk]|ng)$/.test(w) && !NOT_PARTICIPLE.test(w)) || /^(?:made|come|become|overcome|froze|broke|took|ate|gave|wrote|woke)$/.test(w);
}

const NOT_PARTICIPLE = /^(?:an|and|in|on|at|it|not|that|what|about|out|down|up|but|than|then|when|even|often|again|against|around|behind|beyond|without|within|between|want|just|almost|most|least|next|first|last|second|great|good|bad|hard|fast|short|long|quiet|wrong|right|different|important|urgent|silent|patient|confident|fine|open|own|mean)$/;

/** The clause a match belongs to: the verb inside it, else the verb before it, else the next one. */
function clauseAt(clauses: Clause[], start: number, end: number): Clause {
  return clauses.find((c) => c.start < end && c.end > start)
    ?? [...clauses].reverse().find((c) => c.end <= start)
    ?? clauses.find((c) => c.start >= end)
    ?? NO_CLAUSE;
}
