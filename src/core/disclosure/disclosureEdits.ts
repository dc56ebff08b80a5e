// Recording in the note that (and how) the mistake was disclosed, so the Learnings view can show
// it and nobody has to ask whether the team was told. Applied with updateNoteFile.
import type { FieldEdit } from '../noteWriting/safeNoteSave';
import type { WebhookKind } from './webhookPayload';

export type DisclosureChannel = 'clipboard' | 'mail' | `webhook:${WebhookKind}`;

const CHANNEL = /^(?:clipboard|mail|webhook:(?:slack|teams|mattermost|generic))$/;

/** `disclosed: <ISO time, seconds, UTC>` and `disclosed_via: <via>`; a later disclosure overwrites both. */
export function disclosureEdits(via: DisclosureChannel, when: Date): FieldEdit[] {
  if (!CHANNEL.test(via)) {
    throw new RangeError(`Unknown disclosure channel ${JSON.stringify(via)}: expected clipboard, mail or webhook:<slack|teams|mattermost|generic>.`);
  }
  if (!(when instanceof Date) || Number.isNaN(when.getTime())) {
    throw new RangeError('The disclosure time is not a valid date.');
  }
  return [
    { path: ['disclosed'], value: when.toISOString().replace(/\.\d{3}Z$/, 'Z') },
    { path: ['disclosed_via'], value: via },
  ];
}
