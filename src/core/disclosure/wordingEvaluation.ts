// Measures the wording check on a labelled corpus (test/fixtures/blameless/*.json): recall on the
// sentences that should be flagged and the false-positive rate on the clean ones, overall and per
// kind. Shared by `npm run eval:blameless` and the unit test that holds the floor, so both count
// the same way. A sentence counts as flagged when the check finds anything in it.
import { checkBlameless } from './blamelessCheck';
import type { BlamelessRule } from './blamelessRule';
import { WORDING_RULES } from './wordingRules';

export interface LabelledSentence {
  text: string;
  label: 'flag' | 'clean';
  kind: string;
  voice: string;
}

export interface KindFigure {
  kind: string;
  label: 'flag' | 'clean';
  total: number;
  /** Sentences the check flagged. */
  flagged: number;
  /** Recall for a flag kind, false-positive rate for a clean kind (0..1). */
  rate: number;
}

export interface EvalFigures {
  sentences: number;
  recall: number;
  falsePositiveRate: number;
  kinds: KindFigure[];
  /** The texts the check got wrong (for the tuning set only; held-out misses stay unread). */
  missed: LabelledSentence[];
  falseAlarms: LabelledSentence[];
}

/** Checks a corpus read from JSON; throws with the index of the first malformed entry. */
export function parseCorpus(json: unknown): LabelledSentence[] {
  if (!Array.isArray(json)) {
    throw new Error('A blameless corpus must be a JSON array.');
  }
  return json.map((item: unknown, i) => {
    const e = item as Partial<LabelledSentence> | null;
    if (!e || typeof e.text !== 'string' || (e.label !== 'flag' && e.label !== 'clean') || typeof e.kind !== 'string') {
      throw new Error(`Corpus entry ${i + 1} needs text, label ("flag" or "clean") and kind.`);
    }
    return { text: e.text, label: e.label, kind: e.kind, voice: typeof e.voice === 'string' ? e.voice : '' };
  });
}

export function evaluateWording(corpus: readonly LabelledSentence[], rules: readonly BlamelessRule[] = WORDING_RULES): EvalFigures {
  const byKind = new Map<string, KindFigure>();
  const missed: LabelledSentence[] = [];
  const falseAlarms: LabelledSentence[] = [];
  let flags = 0;
  let caught = 0;
  let cleans = 0;
  let alarms = 0;
  for (const s of corpus) {
    const hit = checkBlameless(s.text, rules).length > 0;
    const key = `${s.label}:${s.kind}`;
    const figure = byKind.get(key) ?? { kind: s.kind, label: s.label, total: 0, flagged: 0, rate: 0 };
    figure.total++;
    figure.flagged += hit ? 1 : 0;
    byKind.set(key, figure);
    if (s.label === 'flag') {
      flags++;
      caught += hit ? 1 : 0;
      if (!hit) {
        missed.push(s);
      }
    } else {
      cleans++;
      alarms += hit ? 1 : 0;
      if (hit) {
        falseAlarms.push(s);
      }
    }
  }
  const kinds = [...byKind.values()].map((k) => ({ ...k, rate: k.total ? k.flagged / k.total : 0 }));
  kinds.sort((a, b) => (a.label === b.label ? a.kind.localeCompare(b.kind) : a.label === 'flag' ? -1 : 1));
  return { sentences: corpus.length, recall: flags ? caught / flags : 0, falsePositiveRate: cleans ? alarms / cleans : 0, kinds, missed, falseAlarms };
}
