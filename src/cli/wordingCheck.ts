// `candor check --wording`: the blameless wording check of every note, for CI. Findings are
// warnings (advice, as in the editor), so they fail the check only with --strict. The team's rules
// come from .vscode/settings.json (candor.blameless.rules / disabledRules), as in the editor; a
// malformed rule is reported and the built-in rules are used.
import * as fs from 'fs';
import { checkBlameless, type BlamelessFinding } from '../core/disclosure/blamelessCheck';
import { withCustomRules, type BlamelessRule } from '../core/disclosure/blamelessRule';
import { WORDING_RULES } from '../core/disclosure/wordingRules';
import type { NoteProblem } from '../core/noteFormat/noteModel';

/** A wording finding as a check problem: always a warning, with its column. */
export interface WordingProblem extends NoteProblem {
  column: number;
  ruleId: string;
}

/**
 * The rules the team configured, or the built-in ones with a message saying why. `base`: the
 * built-in rules (responses add their own to the note rules).
 */
export function wordingRules(custom: unknown, disabled: unknown, warn: (message: string) => void, base: readonly BlamelessRule[] = WORDING_RULES): BlamelessRule[] {
  const disable = Array.isArray(disabled) ? disabled.filter((d): d is string => typeof d === 'string') : [];
  try {
    return withCustomRules(custom, { base, disable });
  } catch (err) {
    warn(`candor.blameless.rules: ${err instanceof Error ? err.message : String(err)} The built-in rules are used.`);
    return withCustomRules(undefined, { base, disable });
  }
}

/** Wording problems in one note file (unreadable files have none here: the note check reports them). */
export function wordingProblems(file: string, rules: readonly BlamelessRule[]): WordingProblem[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return checkBlameless(text, rules).map((f) => toProblem(text, f));
}

function toProblem(text: string, f: BlamelessFinding): WordingProblem {
  const words = text.slice(f.start, f.end).replace(/\s+/g, ' ').trim();
  const fix = f.fix === undefined ? '' : f.fix === '' ? ` (remove "${words}")` : ` (write "${f.fix}")`;
  return { level: 'warning', line: f.line, column: f.column, ruleId: f.ruleId, message: `"${words}": ${f.message}${fix} [${f.ruleId}]` };
}
