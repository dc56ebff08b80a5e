// Points at wording that makes a mistake harder to own — passive cover, blaming others, minimising,
// excuses — with why, and a replacement where a simple one exists. Advice, never a gate: the
// adapter shows findings as hints the author can take or leave.
import { compiledRules, type BlamelessCategory, type BlamelessRule } from './blamelessRule';
import { DEFAULT_BLAMELESS_RULES } from './defaultBlamelessRules';
import { NOT_PROSE, proseOnly } from './proseOnly';
import { structuralHits } from './structuralMatch';

export interface BlamelessFinding {
  /** 0-based offsets of the matched text in the checked text (end exclusive), in UTF-16 units. */
  start: number;
  end: number;
  /** 1-based line and column of `start` (columns in UTF-16 units, as editors count them). */
  line: number;
  column: number;
  category: BlamelessCategory;
  /** The rule's explanation. */
  message: string;
  /** Replacement text for start..end, when the rule has one (may be "" to delete the words). */
  fix?: string;
  ruleId: string;
}

/**
 * Findings in `text` (a note with its front matter, or a drafted message), sorted by position.
 * Front matter, code and URLs are not checked. `rules` default to DEFAULT_BLAMELESS_RULES; see
 * withCustomRules for settings. Throws BlamelessRuleError when a rule is malformed.
 */
export function checkBlameless(text: string, rules: readonly BlamelessRule[] = DEFAULT_BLAMELESS_RULES): BlamelessFinding[] {
  const compiled = compiledRules(rules);
  const prose = proseOnly(text);
  const lineStarts = lineStartsOf(text);
  const findings: (BlamelessFinding & { order: number })[] = [];
  const toFinding = (rule: BlamelessRule, start: number, end: number, order: number, match?: RegExpExecArray): BlamelessFinding & { order: number } => {
    const line = lineOf(lineStarts, start);
    const finding: BlamelessFinding & { order: number } = {
      start,
      end,
      line: line + 1,
      column: start - lineStarts[line] + 1,
      category: rule.category,
      message: rule.explanation,
      ruleId: rule.id,
      order,
    };
    if (rule.replacement !== undefined && match) {
      finding.fix = matchCase(expand(rule.replacement, match, sentenceCase(match[0])), match[0]);
    }
    return finding;
  };
  compiled.forEach(({ rule, regex }, order) => {
    if (!regex || rule.structure) {
      return;
    }
    regex.lastIndex = 0;
    for (let match = regex.exec(prose); match; match = regex.exec(prose)) {
      if (match[0] === '') {
        regex.lastIndex++; // a lookaround-only match: step past it
        continue;
      }
      if (match[0].includes(NOT_PROSE)) {
        continue;
      }
      findings.push(toFinding(rule, match.index, match.index + match[0].length, order, match));
    }
  });
  // A structural finding that repeats one already made (the same words) is left out.
  const structural = compiled.filter((c) => c.rule.structure);
  for (const hit of structuralHits(prose, structural)) {
    if (!findings.some((f) => f.start < hit.end && f.end > hit.start)) {
      findings.push(toFinding(hit.rule.rule, hit.start, hit.end, compiled.indexOf(hit.rule), hit.match));
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  return findings.map(({ order: _order, ...finding }) => finding);
}

/**
 * `$&`, `$1`…`$99`, `$<name>` and `$$`, as String.replace reads them; unmatched groups are empty.
 * `recase` applies to text that began the match: it may not begin the fix.
 */
function expand(replacement: string, match: RegExpExecArray, recase: (text: string) => string): string {
  const atStart = (text: string): string => (text !== '' && match[0].startsWith(text) ? recase(text) : text);
  return replacement.replace(/\$(\$|&|\d{1,2}|<([^>]*)>)/g, (token, what: string, name: string | undefined) => {
    if (what === '$') {
      return '$';
    }
    if (what === '&') {
      return atStart(match[0]);
    }
    if (name !== undefined) {
      return atStart(match.groups?.[name] ?? '');
    }
    const index = Number(what);
    return index >= 1 && index < match.length ? atStart(match[index] ?? '') : token;
  });
}

/**
 * For a match that starts a sentence ("Mistakes were made"), lowercases the capital it starts
 * with, so moved into the middle of the fix it reads "I made mistakes". Acronyms and "I" stay.
 */
function sentenceCase(matched: string): (text: string) => string {
  const capitalised = /^[A-Z](?![A-Z])/.test(matched) && !/^I(?![\w'’])/.test(matched);
  return (text) => (capitalised ? text[0].toLowerCase() + text.slice(1) : text);
}

/** A fix for a match that started a sentence starts one too. */
function matchCase(fix: string, matched: string): string {
  const first = matched.trimStart()[0];
  if (fix !== '' && first !== undefined && first !== first.toLowerCase() && fix[0] === fix[0].toLowerCase()) {
    return fix[0].toUpperCase() + fix.slice(1);
  }
  return fix;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** 0-based line holding `offset`. */
function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}
