/**
 * Exports of a séance: the agenda as iCalendar (one VEVENT) and as DOCX/PDF, the summary as DOCX/PDF. The documents
 * are built as ProseMirror JSON and rendered by the documents' export renderers, so they look like every other
 * Mutualab export (title block, French typography, page numbers).
 */
import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.js';
import { projects } from '../../db/schema/index.js';
import { contentDisposition, FORMAT_INFO, renderExport } from '../exports/render/index.js';
import { seanceToICalendar } from '../../../shared/workshops/ical.js';
import { SEANCE_BODY_LABELS, type SeanceBody } from '../../../shared/workshops/bodies.js';
import { POLL_SCOPE_LABELS } from '../../../shared/workshops/polls.js';
import { AGENDA_OUTCOME_LABELS, DIAGNOSTIC_VIEW_LABELS, type SeanceSummaryDto } from '../../../shared/workshops/types.js';
import { workshopsRepo, type SeanceRow } from './workshops.repo.js';
import { seanceDateTime, seanceLine } from './workshops.format.js';

/** A file ready to send. */
export type SeanceFile = { body: Uint8Array; contentType: string; contentDisposition: string };

const text = (t: string): JSONContent => ({ type: 'text', text: t });
const para = (t: string): JSONContent => (t ? { type: 'paragraph', content: [text(t)] } : { type: 'paragraph' });
const heading = (t: string, level = 2): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const bullets = (items: string[]): JSONContent => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [para(i)] })) });
const cell = (t: string, header = false): JSONContent => ({ type: header ? 'tableHeader' : 'tableCell', content: [para(t)] });
const table = (head: string[], rows: string[][]): JSONContent => ({
  type: 'table',
  content: [{ type: 'tableRow', content: head.map((h) => cell(h, true)) }, ...rows.map((r) => ({ type: 'tableRow', content: r.map((c) => cell(c)) }))],
});
const plannedMinutes = (row: SeanceRow) => row.agenda.reduce((sum, i) => sum + i.plannedMinutes, 0);
const projectTitle = (deps: AppDeps, projectId: string) => deps.db.select({ title: projects.title }).from(projects).where(eq(projects.id, projectId)).get()?.title ?? '';

/** The agenda in words, for the calendar description. */
function agendaLines(row: SeanceRow): string[] {
  return row.agenda.map((i, n) => `${n + 1}. ${i.title} — ${i.plannedMinutes} min — ${AGENDA_OUTCOME_LABELS[i.outcome]}`);
}

/** The `.ics` of the séance (RFC 5545), with a link back to the app when its public origin is configured. */
export function agendaICal(deps: AppDeps, row: SeanceRow): SeanceFile {
  const origin = deps.env.PUBLIC_ORIGIN?.replace(/\/$/, '');
  const body = seanceToICalendar({
    id: row.id,
    title: row.title,
    startsAt: row.startsAt,
    durationMinutes: plannedMinutes(row),
    location: row.location,
    videoUrl: row.videoUrl,
    description: [SEANCE_BODY_LABELS[row.body as SeanceBody], '', 'Ordre du jour :', ...agendaLines(row)].join('\n'),
    stampedAt: deps.clock.now().toISOString(),
    sequence: row.revision,
    url: origin ? `${origin}/projets/${row.projectId}/seances/${row.id}` : undefined,
  });
  return { body: new TextEncoder().encode(body), contentType: 'text/calendar; charset=utf-8', contentDisposition: contentDisposition(row.title, 'ics') };
}

/** The agenda as a document: when, where, who is invited, and the items with their duration and expected outcome. */
export function agendaContent(deps: AppDeps, row: SeanceRow): JSONContent {
  const communes = workshopsRepo.communeNames(deps.db, row.invitedCommuneIds).map((c) => c.name).sort((a, b) => a.localeCompare(b, 'fr'));
  const people = workshopsRepo.users(deps.db, row.invitedUserIds).map((u) => u.name).sort((a, b) => a.localeCompare(b, 'fr'));
  const docs = new Map(workshopsRepo.documents(deps.db, row.projectId, row.agenda.flatMap((i) => (i.documentId ? [i.documentId] : []))).map((d) => [d.id, d.title]));
  const support = (i: SeanceRow['agenda'][number]) =>
    [i.documentId ? `${docs.get(i.documentId) ?? 'Document'}${i.sectionTitle ? ` — ${i.sectionTitle}` : ''}` : '', i.diagnosticView ? DIAGNOSTIC_VIEW_LABELS[i.diagnosticView] : '', i.scenarioId ? 'Scénario' : '', i.roundId ? 'Tour de table' : '']
      .filter(Boolean)
      .join(' ; ');
  return {
    type: 'doc',
    content: [
      para(seanceLine(row)),
      heading('Invité·e·s'),
      para(communes.length ? `Communes : ${communes.join(', ')}.` : 'Communes : les communes participant au projet.'),
      ...(people.length ? [para(`Personnes : ${people.join(', ')}.`)] : []),
      heading('Ordre du jour'),
      row.agenda.length
        ? table(['Point', 'Durée', 'Attendu', 'Support'], row.agenda.map((i, n) => [`${n + 1}. ${i.title}`, `${i.plannedMinutes} min`, AGENDA_OUTCOME_LABELS[i.outcome], support(i)]))
        : para('L’ordre du jour n’est pas encore établi.'),
      para(`Durée prévue : ${plannedMinutes(row)} minutes.`),
    ],
  };
}

const fmtMinutes = (m: number) => `${m.toLocaleString('fr-FR')} min`;

/** The summary as a document: attendance, decisions, open questions, polls, speaking time, amendments, agenda. */
export function summaryContent(summary: SeanceSummaryDto): JSONContent {
  const s = summary.seance;
  const content: JSONContent[] = [
    para(`${SEANCE_BODY_LABELS[s.body]} — ${seanceDateTime(s.startedAt ?? s.startsAt)}${s.location ? ` — ${s.location}` : ''}`),
    heading('Présences'),
  ];
  if (summary.quorum) content.push(para(`Quorum : ${summary.quorum.represented} commune(s) représentée(s) sur ${summary.quorum.required} requise(s) — ${summary.quorum.reached ? 'atteint' : 'non atteint'}.`));
  content.push(
    summary.attendance.length
      ? table(['Commune', 'Présent·e·s'], summary.attendance.map((g) => [g.communeName, g.people.map((p) => p.name).join(', ')]))
      : para('Aucune présence enregistrée.'),
    heading('Décisions'),
    summary.decisions.length ? bullets(summary.decisions.map((d) => `${d.itemTitle ? `${d.itemTitle} : ` : ''}${d.text}`)) : para('Aucune décision enregistrée.'),
    heading('Questions ouvertes'),
    summary.openQuestions.length ? bullets(summary.openQuestions.map((d) => `${d.itemTitle ? `${d.itemTitle} : ` : ''}${d.text}`)) : para('Aucune question ouverte.'),
    heading('Sondages'),
  );
  if (summary.polls.length === 0) content.push(para('Aucun sondage.'));
  for (const p of summary.polls) {
    content.push(heading(p.question, 3), para(`${POLL_SCOPE_LABELS[p.scope].label} — ${p.results.ballots} voix${p.results.mean !== null ? ` — moyenne ${p.results.mean.toLocaleString('fr-FR')}` : ''}${p.results.final ? '' : ' — sondage encore ouvert'}`));
    content.push(table(['Réponse', 'Voix'], p.results.counts.map((c) => [String(c.option), String(c.count)])));
  }
  content.push(
    heading('Temps de parole'),
    summary.speakingByCommune.length ? table(['Commune', 'Temps'], summary.speakingByCommune.map((c) => [c.communeName, fmtMinutes(c.minutes)])) : para('Personne n’a pris la parole par la file d’attente.'),
    ...(summary.speakingByPerson.length ? [table(['Personne', 'Temps'], summary.speakingByPerson.map((p) => [p.name, fmtMinutes(p.minutes)]))] : []),
    heading('Amendements acceptés pendant la séance'),
    summary.amendments.length ? bullets(summary.amendments.map((a) => `${a.documentTitle} : « ${a.originalText} » → « ${a.newText} » (proposé par ${a.proposedBy.name})`)) : para('Aucun amendement accepté pendant la séance.'),
    heading('Déroulé'),
    table(['Point', 'Prévu', 'Passé'], summary.agenda.map((i) => [i.title, fmtMinutes(i.plannedMinutes), fmtMinutes(i.spentMinutes)])),
  );
  return { type: 'doc', content };
}

/** Renders `content` as DOCX or PDF with the séance's title block. */
export async function renderSeanceFile(deps: AppDeps, row: SeanceRow, kind: 'agenda' | 'summary', format: 'docx' | 'pdf', content: JSONContent): Promise<SeanceFile> {
  const label = kind === 'agenda' ? 'Ordre du jour' : 'Synthèse de séance';
  const body = await renderExport(format, { content, meta: { title: `${label} — ${row.title}`, projectTitle: projectTitle(deps, row.projectId), kindLabel: label, generatedAt: deps.clock.now() } });
  return { body, contentType: FORMAT_INFO[format].contentType, contentDisposition: contentDisposition(`${label} ${row.title}`, FORMAT_INFO[format].extension) };
}
