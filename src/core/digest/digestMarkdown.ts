// The digest as a document for the team's learning review: the three questions as the meeting's
// frame, then each new note in its author's words, the responses, the follow-ups as plain
// sentences (who, by when, overdue said as overdue), what was resolved, what keeps coming back,
// and what we learned a year ago. Everything in it was masked when the digest was gathered.
import { tasksAsSentences } from '../disclosure/followUpSentences';
import { localDay } from '../noteFormat/followUps';
import { KIND_LABELS } from '../responses/responseFormat';
import type { Digest, DigestFollowUp, DigestNote } from './digestModel';

/** The three questions of the learning review, in the words the writing Candor grew from uses. */
export const THREE_QUESTIONS = [
  'What was I trying to do?',
  'What action did I take?',
  'How did the result differ from what I expected?',
] as const;

export function digestMarkdown(digest: Digest): string {
  const out: string[] = [`# Learning review: ${day(digest.since)} to ${day(digest.until)}`, '', `_${periodLine(digest)}_`, ''];
  out.push(
    '## The three questions',
    '',
    'For each mistake, the person who made it answers, and everyone listens to learn:',
    '',
    ...THREE_QUESTIONS.map((q, i) => `${i + 1}. **${q}**`),
    '',
    'We look at what happened and what made it easy to happen, not at who to blame. Thank the people who owned their mistakes, and ask what they need.',
    '',
  );
  out.push(...newNotes(digest), ...earlierResponses(digest), ...followUps(digest), ...resolved(digest), ...comingBack(digest), ...anniversaries(digest));
  out.push('---', '', `_When the meeting is done, mark these notes as reviewed (Candor: Mark as Reviewed, or "Mark All as Reviewed" on the digest): the next digest starts from there._`);
  if (digest.unreadable > 0) {
    out.push('', `_${digest.unreadable} note${digest.unreadable === 1 ? '' : 's'} could not be read and ${digest.unreadable === 1 ? 'is' : 'are'} left out: run candor check._`);
  }
  return `${out.join('\n')}\n`;
}

function periodLine(digest: Digest): string {
  const from = digest.sinceFrom === 'reviewed' ? 'since the last review' : digest.sinceFrom === 'default' ? 'the last 14 days (no note is marked reviewed yet)' : 'the period asked for';
  return `From ${stamp(digest.since)} to ${stamp(digest.until)}: ${from}.`;
}

function newNotes(digest: Digest): string[] {
  const fresh = digest.notes.filter((n) => n.isNew);
  if (fresh.length === 0) {
    return ['## New notes', '', 'No mistake was logged in this period.', ''];
  }
  const today = day(digest.until);
  return [`## New notes (${fresh.length})`, '', ...fresh.flatMap((n) => noteSection(n, today))];
}

function noteSection(note: DigestNote, today: string): string[] {
  const by = note.author ? ` by ${oneLine(note.author)}` : '';
  const out = [`### ${oneLine(note.title)}`, '', `_${note.severity} · ${note.status} · ${note.id}, logged ${note.logged ? day(note.logged) : 'on an unknown day'}${by}_`, ''];
  const answers = [note.answers.tryingTo, note.answers.action, note.answers.outcome];
  // Task items read as sentences, as in a disclosure: "Ada will add a test by 20 December."
  const prose = (text: string | undefined | null) => (text ? tasksAsSentences(text, today) : undefined);
  THREE_QUESTIONS.forEach((question, i) => {
    out.push(`**${question}**`, '', prose(answers[i]) ?? '_Not written yet._', '');
  });
  out.push('**Learnings**', '', prose(note.learnings) ?? '_Not written yet: a question for the meeting._', '');
  if (note.responses.length > 0) {
    out.push('**Responses**', '', ...responseLines(note), '');
  }
  return out;
}

function responseLines(note: DigestNote): string[] {
  return note.responses.map((r) => {
    const who = r.author ? oneLine(r.author.replace(/\s*<[^>]*>/, '')) : 'Someone';
    return `- ${KIND_LABELS[r.kind]} from ${who} (${day(r.date)}): ${indented(r.text)}`;
  });
}

function earlierResponses(digest: Digest): string[] {
  const earlier = digest.notes.filter((n) => !n.isNew);
  if (earlier.length === 0) {
    return [];
  }
  return ['## Responses to earlier notes', '', ...earlier.flatMap((n) => [`### ${oneLine(n.title)}`, '', `_${n.id}_`, '', ...responseLines(n), ''])];
}

function followUps(digest: Digest): string[] {
  const { opened, done, overdue } = digest.followUps;
  const out = ['## Follow-ups', ''];
  if (opened.length + done.length + overdue.length === 0) {
    return [...out, 'No follow-up was opened, done or overdue in this period.', ''];
  }
  const list = (heading: string, items: DigestFollowUp[]) => (items.length === 0 ? [] : [`### ${heading}`, '', ...items.map((f) => followUpLine(digest, f)), '']);
  out.push(...list(`Overdue (${overdue.length})`, overdue), ...list(`Opened (${opened.length})`, opened), ...list(`Done (${done.length})`, done));
  if (!digest.datedByGit) {
    out.push('_Follow-ups are dated by their note (git could not date them)._', '');
  }
  return out;
}

function followUpLine(digest: Digest, f: DigestFollowUp): string {
  const owner = f.owner ? ` (owner: @${f.owner})` : ' (no owner yet)';
  return `- ${oneLine(f.sentence)}${owner} — _${oneLine(digest.titles[f.note] ?? f.note)}_`;
}

function resolved(digest: Digest): string[] {
  if (digest.resolved.length === 0) {
    return [];
  }
  return [`## Resolved (${digest.resolved.length})`, '', ...digest.resolved.map((id) => `- ${oneLine(digest.titles[id] ?? id)} (${id})`), ''];
}

function comingBack(digest: Digest): string[] {
  if (digest.recurringTags.length === 0 && digest.hotspots.length === 0) {
    return [];
  }
  const out = ['## What keeps coming back', ''];
  if (digest.recurringTags.length > 0) {
    out.push('Tags of this period\'s notes that other notes carry too:', '', ...digest.recurringTags.map((t) => `- \`${t.tag}\`: ${t.count} notes`), '');
  }
  if (digest.hotspots.length > 0) {
    out.push('Places this period\'s notes link that other notes link too:', '', ...digest.hotspots.map((h) => `- \`${h.path}\`: ${h.count} notes`), '');
  }
  return out;
}

function anniversaries(digest: Digest): string[] {
  if (digest.anniversaries.length === 0) {
    return [];
  }
  const out = ['## A year ago we learned…', ''];
  for (const id of digest.anniversaries) {
    const learnings = digest.anniversaryLearnings[id];
    out.push(`### ${oneLine(digest.titles[id] ?? id)}`, '', `_${id}_`, '', learnings ? tasksAsSentences(learnings, day(digest.until)) : '_No learnings were written down: worth asking whether it could happen again._', '');
  }
  return out;
}

/** A calendar day as the person reading sees it. */
function day(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : localDay(time);
}

function stamp(iso: string): string {
  return iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}(?:\.\d+)?Z$/, '$1 $2 UTC');
}

/**
 * User text in a heading or a list item: one line, and its `<`, `>` and `&` shown as typed rather
 * than read as HTML by the preview (a title is text, not markup).
 */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A multi-line text inside a list item keeps its lines, indented under it. */
function indented(text: string): string {
  return text.trim().split(/\r?\n/).join('\n  ');
}
