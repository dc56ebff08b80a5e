// The structural pass of the blameless check: rules with a `structure` are tried sentence by
// sentence, and a match counts only when the clause it falls in has the structure (its subject,
// passive or not, agent or not). Sentences no structural rule could apply to are never parsed,
// which keeps a long note's check cheap and leaves `compromise` unloaded for most text.
import type { CompiledRule } from './blamelessRule';
import { NOT_PROSE } from './proseOnly';
import { clauseFits } from './ruleStructure';
import { clausesOf, type Clause } from './sentenceStructure';

export interface StructuralHit {
  start: number;
  end: number;
  rule: CompiledRule;
  match?: RegExpExecArray;
}

const NO_CLAUSE: Clause = { start: 0, end: 0, verb: '', subject: 'none', subjectText: '', passive: false, agent: false };
const PAST_BE = /\b(?:was|were|got|gotten|been)\b/i;
const NOT_PROSE_RUN = new RegExp(`${NOT_PROSE}+`, 'g');

/** Sentences of prose (offsets in it): split at line breaks and after . ! ? followed by a space. */
export function sentencesOf(prose: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /[^\n.!?]+(?:[.!?]+(?=\s|$)|[.!?]+(?=\S)[^\n.!?]*)*[.!?]*/g;
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
  const hits: StructuralHit[] = [];
  for (const sentence of sentencesOf(prose)) {
    // Code and URLs become spaces of the same length: offsets stay, the tagger sees no symbols.
    const text = sentence.text.replace(NOT_PROSE_RUN, (run) => ' '.repeat(run.length));
    let clauses: Clause[] | undefined;
    const parsed = (): Clause[] => (clauses ??= clausesOf(text));
    for (const rule of rules) {
      const s = rule.rule.structure!;
      if (s.notSentence !== undefined && new RegExp(s.notSentence, 'i').test(text)) {
        continue;
      }
      if (rule.regex) {
        rule.regex.lastIndex = 0;
        for (let m = rule.regex.exec(text); m; m = rule.regex.exec(text)) {
          if (m[0] === '') {
            rule.regex.lastIndex++;
            continue;
          }
          const clause = clauseAt(parsed(), m.index, m.index + m[0].length);
          if (clauseFits(clause, s, rule.verb, rule.notVerb)) {
            hits.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, rule, match: m });
          }
        }
      } else if (s.passive !== true || PAST_BE.test(text)) {
        for (const clause of parsed()) {
          if (clauseFits(clause, s, rule.verb, rule.notVerb)) {
            hits.push({ start: sentence.start + clause.start, end: sentence.start + clause.end, rule });
          }
        }
      }
    }
  }
  return hits;
}

/** The clause a match belongs to: the verb inside it, else the verb before it, else the next one. */
function clauseAt(clauses: Clause[], start: number, end: number): Clause {
  return clauses.find((c) => c.start < end && c.end > start)
    ?? [...clauses].reverse().find((c) => c.end <= start)
    ?? clauses.find((c) => c.start >= end)
    ?? NO_CLAUSE;
}
