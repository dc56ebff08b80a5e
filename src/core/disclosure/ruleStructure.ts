// The structural half of a blameless rule, as data a team can write in settings: which subject a
// clause must (or must not) have, whether it is passive, whether it names who acted, and which
// verbs it is about. "I overlooked the check" owns a mistake; "the vendor's engineer overlooked
// it" points at someone — the words match, the subject decides.
import type { Clause, SubjectKind } from './sentenceStructure';

export const SUBJECT_KINDS: readonly SubjectKind[] = ['first-person', 'person', 'tool', 'number', 'thing', 'none'];

export interface RuleStructure {
  /** The clause's subject is one of these. */
  subject?: SubjectKind[];
  /** The clause's subject is none of these. */
  notSubject?: SubjectKind[];
  /** A past passive ("was pushed", "got removed"), or not. */
  passive?: boolean;
  /** Names who acted ("by me"), or not. */
  agent?: boolean;
  /** A regex source the whole verb group must match ("was (?:pushed|deployed)"), case-insensitive. */
  verb?: string;
  /** A regex source the verb group must not match. */
  notVerb?: string;
  /** A regex source found in the subject's words ("config|flag|alarm"), case-insensitive. */
  subjectWords?: string;
  /** A regex source not found in the subject's words ("\\b(?:it|this)$"). */
  notSubjectWords?: string;
  /** The sentence must not match this regex source (for example a clock time in a timeline). */
  notSentence?: string;
  /** The sentence must match this regex source (a cheap gate before the sentence is tagged). */
  sentence?: string;
}

const STRUCTURE_FIELDS = ['subject', 'notSubject', 'subjectWords', 'notSubjectWords', 'passive', 'agent', 'verb', 'notVerb', 'notSentence', 'sentence'];

/** A structure's regex tests, compiled once per rule. */
export interface CompiledStructure {
  verb?: RegExp;
  notVerb?: RegExp;
  subjectWords?: RegExp;
  notSubjectWords?: RegExp;
  sentence?: RegExp;
  notSentence?: RegExp;
}

/** Checks a structure read from settings; `fail` throws with the rule's name. */
export function validateStructure(input: unknown, fail: (message: string) => never): RuleStructure {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('"structure" must be an object (subject, notSubject, passive, agent, verb, notVerb, sentence, notSentence).');
  }
  const raw = input as Record<string, unknown>;
  const out: RuleStructure = {};
  for (const key of Object.keys(raw)) {
    if (!STRUCTURE_FIELDS.includes(key)) {
      fail(`"structure" has an unknown field "${key}".`);
    }
  }
  for (const key of ['subject', 'notSubject'] as const) {
    const v = raw[key];
    if (v !== undefined) {
      if (!Array.isArray(v) || v.some((k) => !(SUBJECT_KINDS as readonly unknown[]).includes(k))) {
        fail(`"structure.${key}" must list subject kinds among ${SUBJECT_KINDS.join(', ')}.`);
      }
      out[key] = v as SubjectKind[];
    }
  }
  for (const key of ['passive', 'agent'] as const) {
    const v = raw[key];
    if (v !== undefined) {
      if (typeof v !== 'boolean') {
        fail(`"structure.${key}" must be true or false.`);
      }
      out[key] = v as boolean;
    }
  }
  for (const key of ['verb', 'notVerb', 'subjectWords', 'notSubjectWords', 'notSentence', 'sentence'] as const) {
    const v = raw[key];
    if (v !== undefined) {
      if (typeof v !== 'string' || v === '') {
        fail(`"structure.${key}" must be a regular expression, written as a string.`);
      }
      try {
        new RegExp(v as string, 'i');
      } catch (err) {
        fail(`"structure.${key}" is not a valid regular expression (${err instanceof Error ? err.message : String(err)}).`);
      }
      out[key] = v as string;
    }
  }
  return out;
}

/** Whether a clause has the structure (its regex tests compiled by the caller). */
export function clauseFits(clause: Clause, s: RuleStructure, c: CompiledStructure = {}): boolean {
  return (s.subject === undefined || s.subject.includes(clause.subject))
    && (s.notSubject === undefined || !s.notSubject.includes(clause.subject))
    && (s.passive === undefined || s.passive === clause.passive)
    && (s.agent === undefined || s.agent === clause.agent)
    && (c.verb === undefined || c.verb.test(clause.verb))
    && (c.notVerb === undefined || !c.notVerb.test(clause.verb))
    && (c.subjectWords === undefined || c.subjectWords.test(clause.subjectText))
    && (c.notSubjectWords === undefined || !c.notSubjectWords.test(clause.subjectText));
}
