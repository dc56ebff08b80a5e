// The shape of a blameless-language rule: what the default rules (defaultBlamelessRules.ts) and a
// team's rules from settings (blamelessRule.ts checks them) are made of.

import type { RuleStructure } from './ruleStructure';

export const BLAMELESS_CATEGORIES = ['passive-cover', 'blaming-others', 'minimising', 'excuse'] as const;
export type BlamelessCategory = (typeof BLAMELESS_CATEGORIES)[number];

export interface BlamelessRule {
  /** Unique; a custom rule with a default rule's id replaces it. */
  id: string;
  category: BlamelessCategory;
  /**
   * A JavaScript regular expression's source. Matching is always case-insensitive and global;
   * write word boundaries (`\b`, or lookarounds such as `(?<![\w-])`) yourself. Optional when the
   * rule has a `structure` (it then marks the clause's verb); with one, the match must also pass it.
   */
  pattern?: string;
  /** What the sentence around a match must be: its subject, passive or not, with an agent or not. */
  structure?: RuleStructure;
  /** Extra flags: any of `m`, `s`, `u` (`g` and `i` are always on). */
  flags?: string;
  /** Why the wording gets in the way, said kindly; shown with the finding. */
  explanation: string;
  /** Replacement for the matched text (`$1`… for groups; `""` deletes); absent when there is no simple fix. */
  replacement?: string;
}
