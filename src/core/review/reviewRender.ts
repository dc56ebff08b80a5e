// A review's touched learnings written for where they are read: a pull-request comment
// (Markdown), GitHub workflow annotations, and SARIF 2.1.0 for code scanning. Text from notes may
// come from a hostile repository: it is escaped for each format, never trusted as markup.
import type * as Sarif from 'sarif';
import { WORDED_MARKS } from '../noteFormat/noteFields';
import { fileUrl, type RemoteWeb } from '../repository/permalinks';
import type { ReviewReport, TouchedLearning } from './reviewChanges';

/** The hidden line that lets the GitHub Action find its own comment again and update it. */
export const COMMENT_MARKER = '<!-- candor-review -->';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A touched note's field as its file has it, marked as everywhere else when invalid or not given (`opne (invalid)`). */
export function shown(t: TouchedLearning, key: 'title' | 'severity' | 'status'): string {
  const mark = t.invalid.includes(key) ? WORDED_MARKS.invalid : t.notSet.includes(key) ? WORDED_MARKS.missing : '';
  return `${t[key]}${mark}`;
}

function learningCount(report: ReviewReport): number {
  return new Set(report.touched.map((t) => t.id)).size;
}

/** One body ready to post as a pull-request comment; links go to the head commit when the remote is a known host. */
export function reviewMarkdown(report: ReviewReport, remote: RemoteWeb | undefined): string {
  const out = [COMMENT_MARKER];
  if (report.touched.length === 0) {
    out.push('This change touches no code linked to a learning.');
    return out.join('\n') + '\n';
  }
  out.push(`This change touches code with ${count(learningCount(report), 'learning')} (${count(report.touched.length, 'linked range')}).`, '');
  for (const t of report.touched) {
    const noteUrl = remote ? fileUrl(remote, report.head, t.note) : undefined;
    const linesUrl = remote ? fileUrl(remote, report.head, t.file, t.lines) : undefined;
    const title = noteUrl ? `[${inline(shown(t, 'title'))}](${noteUrl})` : inline(shown(t, 'title'));
    const where = `\`${code(t.file)}\` lines ${t.lines[0]}–${t.lines[1]}`;
    out.push(`#### ${title}`, '');
    out.push(`**${inline(shown(t, 'severity'))}** · ${inline(shown(t, 'status'))} · ${linesUrl ? `[${where}](${linesUrl})` : where} (changed ${t.changed[0]}–${t.changed[1]}) · \`${code(t.note)}\``, '');
    if (t.learnings) {
      out.push(...t.learnings.split('\n').map((l) => `> ${escapeHtml(l)}`.trimEnd()), '');
    }
    if (t.openFollowUps.length > 0) {
      out.push('Open follow-ups:', ...t.openFollowUps.map((f) => `- [ ] ${inline(f)}`), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** Markdown-inert text for one line: no links, emphasis, headings or HTML from a note. */
function inline(text: string): string {
  return escapeHtml(text.replace(/[\r\n]+/g, ' ')).replace(/([\\`*_[\]#|!~])/g, '\\$1');
}

function code(text: string): string {
  return text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `::warning file=…,line=…,endLine=…,title=…::…` on the changed lines of each touched range. */
export function reviewAnnotations(report: ReviewReport): string[] {
  return report.touched.map((t) => {
    const props = [`file=${escapeProperty(t.file)}`, `line=${t.changed[0]}`, `endLine=${t.changed[1]}`, `title=${escapeProperty(`Learning: ${shown(t, 'title')}`)}`];
    return `::warning ${props.join(',')}::${escapeData(annotationText(t))}`;
  });
}

function annotationText(t: TouchedLearning): string {
  const lines = [`This change touches lines ${t.lines[0]}-${t.lines[1]}, linked to a ${shown(t, 'severity')} learning (${shown(t, 'status')}): ${shown(t, 'title')}`];
  if (t.learnings) {
    lines.push('', t.learnings);
  }
  if (t.openFollowUps.length > 0) {
    lines.push('', 'Open follow-ups:', ...t.openFollowUps.map((f) => `- ${f}`));
  }
  lines.push('', `See ${t.note}`);
  return lines.join('\n');
}

// GitHub's escaping for workflow commands: data may not hold % or line breaks; properties also
// not : or , (which would end them).
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const RULE_ID = 'candor/touched-learning';

/** SARIF 2.1.0: one result per touched range, located on the changed lines, the note as a related location. */
export function reviewSarif(report: ReviewReport, version: string): Sarif.Log {
  const results: Sarif.Result[] = report.touched.map((t) => ({
    ruleId: RULE_ID,
    ruleIndex: 0,
    level: t.severity === 'high' || t.severity === 'critical' ? 'warning' : 'note',
    message: { text: annotationText(t) },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(t.file), uriBaseId: '%SRCROOT%' }, region: { startLine: t.changed[0], endLine: t.changed[1] } } }],
    relatedLocations: [
      { id: 1, message: { text: 'The linked range' }, physicalLocation: { artifactLocation: { uri: encodeUri(t.file), uriBaseId: '%SRCROOT%' }, region: { startLine: t.lines[0], endLine: t.lines[1] } } },
      { id: 2, message: { text: `The note: ${shown(t, 'title')}` }, physicalLocation: { artifactLocation: { uri: encodeUri(t.note), uriBaseId: '%SRCROOT%' } } },
    ],
    partialFingerprints: { candorLearning: `${t.id}:${t.file}` },
    properties: { id: t.id, severity: t.severity, status: t.status, invalid: t.invalid, notSet: t.notSet, note: t.note, lines: t.lines, openFollowUps: t.openFollowUps },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Candor',
          version,
          informationUri: 'https://github.com/candor/candor',
          rules: [{
            id: RULE_ID,
            name: 'TouchedLearning',
            shortDescription: { text: 'This change touches code linked to a past mistake' },
            fullDescription: { text: 'A learning (an incident note) links these lines; read it before changing them again.' },
            defaultConfiguration: { level: 'note' },
          }],
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root' } } },
      results,
      properties: { base: report.base, head: report.head },
    }],
  };
}

/** A repo-relative path as a relative URI reference (spaces and the like percent-encoded). */
function encodeUri(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
