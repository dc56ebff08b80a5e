// The shape of a blameless-language rule, and the checks a rule from settings must pass before
// it is used: a team's rule with a broken regex should be reported where it is configured, with
// which rule and why, not fail later on some note.
import { BLAMELESS_CATEGORIES, type BlamelessCategory, type BlamelessRule } from './blamelessRuleShape';
import { DEFAULT_BLAMELESS_RULES } from './defaultBlamelessRules';
import { validateStructure, type CompiledStructure } from './ruleStructure';

// The shape lives in blamelessRuleShape.ts, which the default rules use too (no import cycle).
export { BLAMELESS_CATEGORIES, type BlamelessCategory, type BlamelessRule } from './blamelessRuleShape';

export class BlamelessRuleError extends Error {
  constructor(message: string, readonly ruleIndex?: number, readonly ruleId?: string) {
    super(message);
    this.name = 'BlamelessRuleError';
  }
}

export interface CompiledRule {
  rule: BlamelessRule;
  /** Absent for a structure-only rule. */
  regex?: RegExp;
  /** The structure's regex tests, compiled. */
  tests: CompiledStructure;
}

const MAX_PATTERN_LENGTH = 2000;

/** Checks rules read from settings (any JSON) and returns them typed; throws BlamelessRuleError. */
export function validateBlamelessRules(input: unknown): BlamelessRule[] {
  if (!Array.isArray(input)) {
    throw new BlamelessRuleError('Blameless rules must be a list of rules.');
  }
  const seen = new Set<string>();
  return input.map((item, index) => {
    const rule = validateRule(item, index);
    if (seen.has(rule.id)) {
      throw new BlamelessRuleError(`${where(index, rule.id)}: another rule already has the id "${rule.id}".`, index, rule.id);
    }
    seen.add(rule.id);
    return rule;
  });
}

/**
 * The rules to use: `base` (the defaults unless given) without the `disable`d ids, where each
 * custom rule replaces the base rule with its id or is added at the end. Throws BlamelessRuleError.
 */
export function withCustomRules(
  custom: unknown,
  options: { base?: readonly BlamelessRule[]; disable?: readonly string[] } = {},
): BlamelessRule[] {
  const base = options.base ?? DEFAULT_BLAMELESS_RULES;
  const rules = custom === undefined || custom === null ? [] : validateBlamelessRules(custom);
  const disabled = new Set(options.disable ?? []);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const merged = base.filter((r) => !disabled.has(r.id)).map((r) => byId.get(r.id) ?? r);
  const baseIds = new Set(base.map((r) => r.id));
  return [...merged, ...rules.filter((r) => !baseIds.has(r.id) && !disabled.has(r.id))];
}

/**
 * The compiled form of a rules array, kept as long as the array lives. Compiling is not free: the
 * wide word lists become large regular expressions that V8 compiles again for every new RegExp,
 * which cost a 1,000-line note's check about 9 ms of its ~100 ms when it happened on every check.
 * Callers keep their rules array (the defaults, the settings' merged list) as long as it holds, so
 * the same array means the same rules; a changed setting makes a new array. The compiled `g`
 * regexes are stateful only through `lastIndex`, which every use resets first.
 */
const compiledByRules = new WeakMap<readonly BlamelessRule[], CompiledRule[]>();

export function compiledRules(rules: readonly BlamelessRule[]): CompiledRule[] {
  let compiled = compiledByRules.get(rules);
  if (!compiled) {
    compiled = compileRules(rules);
    compiledByRules.set(rules, compiled);
  }
  return compiled;
}

/** Compiles validated or trusted rules; any bad rule throws BlamelessRuleError. */
export function compileRules(rules: readonly BlamelessRule[]): CompiledRule[] {
  return rules.map((rule, index) => {
    const valid = validateRule(rule, index);
    const compiled: CompiledRule = { rule, tests: {} };
    if (valid.pattern !== undefined) {
      compiled.regex = compile(valid, index);
    }
    const s = valid.structure;
    if (s?.verb !== undefined) {
      compiled.tests.verb = new RegExp(`^(?:${s.verb})$`, 'i');
    }
    if (s?.notVerb !== undefined) {
      compiled.tests.notVerb = new RegExp(`^(?:${s.notVerb})$`, 'i');
    }
    if (s?.subjectWords !== undefined) {
      compiled.tests.subjectWords = new RegExp(s.subjectWords, 'i');
    }
    if (s?.notSubjectWords !== undefined) {
      compiled.tests.notSubjectWords = new RegExp(s.notSubjectWords, 'i');
    }
    if (s?.sentence !== undefined) {
      compiled.tests.sentence = new RegExp(s.sentence, 'i');
    }
    if (s?.notSentence !== undefined) {
      compiled.tests.notSentence = new RegExp(s.notSentence, 'i');
    }
    return compiled;
  });
}

function validateRule(item: unknown, index: number): BlamelessRule {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new BlamelessRuleError(`${where(index)} must be an object with id, category, pattern and explanation.`, index);
  }
  const raw = item as Record<string, unknown>;
  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '') {
    throw new BlamelessRuleError(`${where(index)} needs an "id": a short name such as "my-team-hedging".`, index);
  }
  const fail = (message: string): never => {
    throw new BlamelessRuleError(`${where(index, id)}: ${message}`, index, id);
  };
  if (typeof raw.category !== 'string' || !(BLAMELESS_CATEGORIES as readonly string[]).includes(raw.category)) {
    fail(`"category" must be one of ${BLAMELESS_CATEGORIES.join(', ')}${raw.category === undefined ? '' : `, not ${JSON.stringify(raw.category)}`}.`);
  }
  const structure = raw.structure === undefined ? undefined : validateStructure(raw.structure, (message) => fail(message));
  if (structure === undefined && raw.pattern === undefined) {
    fail('needs a "pattern" (a regular expression) or a "structure" (what the sentence must be).');
  }
  if (raw.pattern !== undefined && (typeof raw.pattern !== 'string' || raw.pattern === '')) {
    fail('"pattern" must be a regular expression, written as a string.');
  }
  if (typeof raw.pattern === 'string' && raw.pattern.length > MAX_PATTERN_LENGTH) {
    fail(`"pattern" is longer than ${MAX_PATTERN_LENGTH} characters.`);
  }
  if (raw.flags !== undefined && (typeof raw.flags !== 'string' || !/^[gimsu]*$/.test(raw.flags) || new Set(raw.flags).size !== raw.flags.length)) {
    fail(`"flags" may hold m, s and u (matching is always case-insensitive), not ${JSON.stringify(raw.flags)}.`);
  }
  if (typeof raw.explanation !== 'string' || raw.explanation.trim() === '') {
    fail('"explanation" must say, in a sentence, why the wording gets in the way.');
  }
  if (raw.replacement !== undefined && typeof raw.replacement !== 'string') {
    fail('"replacement" must be text (use "" to suggest deleting the words).');
  }
  const rule: BlamelessRule = { id, category: raw.category as BlamelessCategory, explanation: raw.explanation as string };
  if (raw.pattern !== undefined) {
    rule.pattern = raw.pattern as string;
  }
  if (structure !== undefined) {
    rule.structure = structure;
  }
  if (raw.flags !== undefined) {
    rule.flags = raw.flags as string;
  }
  if (raw.replacement !== undefined) {
    rule.replacement = raw.replacement as string;
  }
  if (rule.pattern !== undefined) {
    compile(rule, index);
  }
  return rule;
}

function compile(rule: BlamelessRule, index: number): RegExp {
  const flags = [...new Set(`gi${rule.flags ?? ''}`)].join('');
  let regex: RegExp;
  try {
    regex = new RegExp(rule.pattern ?? '', flags);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new BlamelessRuleError(`${where(index, rule.id)}: "pattern" is not a valid regular expression (${reason}).`, index, rule.id);
  }
  regex.lastIndex = 0;
  if (regex.test('')) {
    throw new BlamelessRuleError(`${where(index, rule.id)}: "pattern" matches empty text, so it would mark every position; make it match words.`, index, rule.id);
  }
  regex.lastIndex = 0;
  return regex;
}

function where(index: number, id?: string): string {
  return `Blameless rule ${index + 1}${id !== undefined ? ` ("${id}")` : ''}`;
}
