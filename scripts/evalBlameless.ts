// `npm run eval:blameless`: recall and false-positive rate of the wording check on the tuning
// corpus and, separately, on the held-out corpus written by someone else (never tuned on). For the
// held-out set only figures are printed — its sentences and misses are not, so nobody tunes on
// them by reading them. `--misses` lists what the tuning set still lets through.
import * as fs from 'fs';
import * as path from 'path';
import { evaluateWording, parseCorpus, type EvalFigures } from '../src/core/disclosure/wordingEvaluation';

const dir = path.join(__dirname, '..', '..', 'test', 'fixtures', 'blameless') // run from bench/tmp;
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

function load(name: string): EvalFigures | undefined {
  const file = path.join(dir, `${name}.json`);
  if (!fs.existsSync(file)) {
    return undefined;
  }
  return evaluateWording(parseCorpus(JSON.parse(fs.readFileSync(file, 'utf8'))));
}

const sets = { tuning: load('tuning'), heldout: load('heldout') };
const names = Object.keys(sets) as (keyof typeof sets)[];
const rows: string[][] = [['', ...names.map((n) => (sets[n] ? `${n} (${sets[n]!.sentences})` : `${n} (missing)`))]];
rows.push(['recall (flag)', ...names.map((n) => (sets[n] ? pct(sets[n]!.recall) : '–'))]);
rows.push(['false positives (clean)', ...names.map((n) => (sets[n] ? pct(sets[n]!.falsePositiveRate) : '–'))]);
const kinds = new Map<string, 'flag' | 'clean'>();
for (const n of names) {
  sets[n]?.kinds.forEach((k) => kinds.set(k.kind, k.label));
}
for (const [kind, label] of kinds) {
  rows.push([`  ${label === 'flag' ? 'recall' : 'false pos.'}: ${kind}`, ...names.map((n) => {
    const k = sets[n]?.kinds.find((f) => f.kind === kind && f.label === label);
    return k ? `${pct(k.rate)} (${k.flagged}/${k.total})` : '–';
  })]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) {
  console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '));
}
if (process.argv.includes('--misses') && sets.tuning) {
  console.log('\nTuning set, missed:');
  sets.tuning.missed.forEach((s) => console.log(`  [${s.kind}] ${s.text}`));
  console.log('Tuning set, false alarms:');
  sets.tuning.falseAlarms.forEach((s) => console.log(`  [${s.kind}] ${s.text}`));
}
