// The wording check's part of `npm run bench`: checking a 1,000-line note with the full wording
// rules (sentence structure included), as a ratio to the phrase rules alone on the same note in
// the same process — the check as it was before structure. Every line is different, so the
// sentence cache does not help the first check; a re-check after one edited line shows what
// typing costs once the note has been checked.
import { checkBlameless } from '../src/core/disclosure/blamelessCheck';
import { DEFAULT_BLAMELESS_RULES } from '../src/core/disclosure/defaultBlamelessRules';
import { clearSentenceCache } from '../src/core/disclosure/sentenceStructure';
import { WORDING_RULES } from '../src/core/disclosure/wordingRules';

export interface WordingRun {
  lines: number;
  findings: number;
  taggerLoadMs: number;
  baselineMs: number[];
  firstCheckMs: number[];
  recheckMs: number[];
}

const LINES = [
  (i: number) => `I restarted worker ${i} at 10:${String(i % 60).padStart(2, '0')} and the queue drained.`,
  (i: number) => `The config for service ${i} was pushed to production without a review.`,
  (i: number) => `- [ ] Add an alert for queue ${i} @ada due:2026-12-01`,
  (i: number) => `About ${i * 3} requests were rejected while shard ${i} restarted.`,
  () => '',
  (i: number) => `The team behind module ${i} overlooked the expiry date, so it was simply a small glitch.`,
  (i: number) => `## Step ${i}`,
  (i: number) => `I need access to the logs of host ${i}; I will write the runbook for it this week.`,
  (i: number) => `Ana called me about job ${i} and I rolled it back.`,
  (i: number) => `\`\`\`sh\nredis-cli -n ${i} FLUSHALL\n\`\`\``,
];

export function wordingNote(lines = 1000): string {
  const out: string[] = ['---', 'id: 2026-01-01-bench', 'title: Bench', '---', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(...LINES[i % LINES.length](i).split('\n'));
  }
  return out.slice(0, lines).join('\n');
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function wordingRun(runs = 7): WordingRun {
  const note = wordingNote();
  // The tagger's one-time load, on the first sentence that needs it.
  const taggerLoadMs = time(() => checkBlameless('The alarm was silenced.', WORDING_RULES));
  const result: WordingRun = { lines: 1000, findings: 0, taggerLoadMs, baselineMs: [], firstCheckMs: [], recheckMs: [] };
  for (let r = 0; r < runs; r++) {
    result.baselineMs.push(time(() => checkBlameless(note, DEFAULT_BLAMELESS_RULES)));
    clearSentenceCache();
    result.firstCheckMs.push(time(() => (result.findings = checkBlameless(note, WORDING_RULES).length)));
    const edited = note.replace('worker 0 at', 'worker zero at');
    result.recheckMs.push(time(() => checkBlameless(edited, WORDING_RULES)));
  }
  return result;
}
