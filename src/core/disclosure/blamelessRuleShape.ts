// The shape of a blameless-language rule: what the default rules (defaultBlamelessRules.ts) and a
// team's rules from settings (blamelessRule.ts checks them) are made of.

export const BLAMELESS_CATEGORIES = ['passive-cover', 'blaming-others', 'minimising', 'excuse'] as const;
export type BlamelessCategory = (typeof BLAMELESS_CATEGORIES)[number];

export interface BlamelessRule {
  /** Unique; a custom rule with a default rule's id replaces it. */
  id: string;
  category: BlamelessCategory;
  /**
   * A JavaScript regular expression's source. Matching is always case-insensitive and global;
   * write word boundaries (`\b`, or lookarounds such as `(?<![\w-])`) yourself.
   */
  pattern: string;
  /** Extra flags: any of `m`, `s`, `u` (`g` and `i` are always on). */
  flags?: string;
  /** Why the wording gets in the way, said kindly; shown with the finding. */
  explanation: string;
  /** Replacement for the matched text (`$1`… for groups; `""` deletes); absent when there is no simple fix. */
  replacement?: string;
}
