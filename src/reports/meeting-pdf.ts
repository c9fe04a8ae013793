/**
 * The agenda or the minutes of a steering group or committee meeting (issue 14) as a tagged PDF,
 * with the same content as the print view: title, project, kind, date, place, participants, the
 * points (with what was said and decided in the minutes) and the follow-up actions.
 */
import { formatDate } from '../core/format.ts';
import { ACTION_STATUS_LABELS, MEETING_KIND_LABELS } from '../core/labels.ts';
import type { AgendaPoint, Meeting, MeetingAction } from '../domain/steering-meetings.ts';
import type { Milestone } from '../domain/steering-goals.ts';
import { renderTaggedPdf, type PdfBlock } from './tagged-pdf.ts';

export interface MeetingPdfInput {
  projectName: string;
  meeting: Meeting;
  points: AgendaPoint[];
  actions: MeetingAction[];
  milestones: Milestone[];
}

export function meetingPdf(v: MeetingPdfInput, what: 'dagsorden' | 'referat'): Promise<Buffer> {
  const m = v.meeting;
  const minutes = what === 'referat';
  const title = `${minutes ? 'Referat' : 'Dagsorden'}: ${m.title}`;
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: `${v.projectName}\n${MEETING_KIND_LABELS[m.kind]}, ${formatDate(m.heldOn)}${m.place ? `, ${m.place}` : ''}` },
  ];
  if (m.participants) blocks.push({ kind: 'heading', level: 2, text: 'Deltagere' }, { kind: 'paragraph', text: m.participants });
  blocks.push({ kind: 'heading', level: 2, text: minutes ? 'Punkter, referat og beslutninger' : 'Punkter' });
  if (v.points.length === 0) blocks.push({ kind: 'paragraph', text: 'Dagsordenen er tom.' });
  v.points.forEach((p, i) => {
    blocks.push({ kind: 'heading', level: 3, text: `${i + 1}. ${p.title}` });
    if (p.body) blocks.push({ kind: 'paragraph', text: p.body });
    if (minutes) {
      if (p.minutes) blocks.push({ kind: 'paragraph', text: `Referat: ${p.minutes}` });
      blocks.push({ kind: 'paragraph', text: `Beslutning: ${p.decision ?? 'Ingen beslutning.'}` });
    }
  });
  if (minutes) {
    blocks.push({ kind: 'heading', level: 2, text: 'Opfølgningshandlinger' });
    const milestone = (id: number | null) => {
      const x = v.milestones.find((ms) => ms.id === id);
      return x ? `Nr. ${x.number}` : '';
    };
    if (v.actions.length === 0) blocks.push({ kind: 'paragraph', text: 'Ingen handlinger.' });
    else blocks.push({
      kind: 'table', caption: 'Opfølgningshandlinger', columns: ['Handling', 'Ansvarlig', 'Frist', 'Status', 'Milepæl'], rowHeaders: true,
      rows: v.actions.map((a) => [a.description, a.owner, formatDate(a.dueDate), ACTION_STATUS_LABELS[a.status], milestone(a.milestoneId)].map((text) => ({ text }))),
    });
  }
  return renderTaggedPdf({ title, subject: v.projectName, lang: 'da', footer: title, blocks });
}
