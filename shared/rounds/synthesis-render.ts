/**
 * Renders a round's synthesis (`buildSynthesis`) as the ProseMirror JSON of the `synthese` document and as the CSV
 * export of positions. Pure: same synthesis and names, same output (the document and the exports agree).
 */
import type { JSONContent } from '@tiptap/core';
import { ACTION_IMPACT_LABELS, POSITION_KINDS, POSITION_LABELS, type ActionImpact } from './positions.js';
import { COMMENT_TYPE_LABELS, type RoundComment, type Synthesis } from './synthesis.js';

/** Facts the rendering needs besides the synthesis itself. */
export type SynthesisMeta = {
  title: string;
  question: string;
  opensAt: string;
  /** When answers stopped. */
  closedAt: string;
  frozenVersions: readonly { title: string; label: string }[];
  hasScenarioSnapshot: boolean;
  /** Author names of comments, by user id. */
  userNames: Readonly<Record<string, string>>;
  communeNames: Readonly<Record<string, string>>;
};

// Europe/Paris: the readers are French local authorities; UTC would shift late-evening deadlines by a day.
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

/** A date-time as French readers expect it (« 3 décembre 2026 à 18:00 »). */
export function formatDateTimeFr(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

const text = (value: string): JSONContent[] => (value === '' ? [] : [{ type: 'text', text: value }]);
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: text(value) });
const heading = (level: 1 | 2 | 3, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: text(value) });
const bulletList = (items: readonly string[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});
const table = (header: readonly string[], rows: readonly (readonly string[])[]): JSONContent => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((h) => ({ type: 'tableHeader', content: [paragraph(h)] })) },
    ...rows.map((r) => ({ type: 'tableRow', content: r.map((cell) => ({ type: 'tableCell', content: [paragraph(cell)] })) })),
  ],
});

const IMPACTS: ActionImpact[] = ['renforce', 'neutre', 'affaiblit'];

function commentLine(c: RoundComment, meta: SynthesisMeta): string {
  const author = meta.userNames[c.authorId] ?? 'Auteur·rice inconnu·e';
  const commune = c.authorCommuneId ? ` (${meta.communeNames[c.authorCommuneId] ?? c.authorCommuneId})` : '';
  const status = c.status === 'resolved' ? ' — résolu' : '';
  return `${author}${commune} : ${c.body.replace(/\s+/g, ' ').trim()}${status}`;
}

/** The `synthese` document generated at closing; the facilitator edits it afterwards. */
export function synthesisDocumentJSON(s: Synthesis, meta: SynthesisMeta): JSONContent {
  const answered = s.positionsByCommune.filter((p) => p.kind !== null).length;
  const content: JSONContent[] = [
    heading(1, `Synthèse du tour de table « ${meta.title} »`),
    paragraph(`Question posée : ${meta.question}`),
    paragraph(
      `Tour de table ouvert le ${formatDateTimeFr(meta.opensAt)}, clos le ${formatDateTimeFr(meta.closedAt)}. ` +
        `${s.positionsByCommune.length} commune(s) invitée(s), ${answered} position(s) exprimée(s).`,
    ),
  ];
  const debated = meta.frozenVersions.map((v) => `${v.title} — version « ${v.label} »`);
  if (meta.hasScenarioSnapshot) debated.push('Chiffres des scénarios figés à l’ouverture');
  if (debated.length > 0) content.push(paragraph('Textes débattus (figés à l’ouverture) :'), bulletList(debated));

  content.push(
    heading(2, 'Positions par commune'),
    table(
      ['Commune', 'Position', 'Motivation', 'Conditions'],
      s.positionsByCommune.map((p) => [p.communeName, p.kind ? POSITION_LABELS[p.kind] : 'Sans position', p.motivation ?? '', p.conditions.join(' ; ')]),
    ),
    paragraph(
      [...POSITION_KINDS.map((k) => `${POSITION_LABELS[k]} : ${s.positionCounts[k]}`), `Sans position : ${s.positionCounts.sans_position}`].join(' · '),
    ),
  );

  content.push(heading(2, 'Effet sur les programmes communaux'));
  if (s.programmeImpact.byAction.length === 0) {
    content.push(paragraph('Aucune action de programme communal n’a été évaluée.'));
  } else {
    const name = (id: string) => meta.communeNames[id] ?? id;
    content.push(
      table(
        ['Commune', ...IMPACTS.map((i) => ACTION_IMPACT_LABELS[i])],
        [
          ...s.programmeImpact.byCommune.map((b) => [name(b.communeId), ...IMPACTS.map((i) => String(b.counts[i]))]),
          ['Total', ...IMPACTS.map((i) => String(s.programmeImpact.total[i]))],
        ],
      ),
      heading(3, 'Détail par action'),
      table(['Commune', 'Action', 'Effet de la mutualisation'], s.programmeImpact.byAction.map((a) => [name(a.communeId), a.title, ACTION_IMPACT_LABELS[a.impact]])),
    );
  }

  content.push(heading(2, 'Commentaires par type'));
  if (s.commentsByType.length === 0) content.push(paragraph('Aucun commentaire pendant le tour de table.'));
  for (const group of s.commentsByType) {
    content.push(heading(3, `${COMMENT_TYPE_LABELS[group.type]} (${group.comments.length})`), bulletList(group.comments.map((c) => commentLine(c, meta))));
  }

  content.push(heading(2, 'Commentaires par section ou donnée'));
  if (s.commentsByTarget.length === 0) content.push(paragraph('Aucun commentaire rattaché à une section, une donnée ou un scénario.'));
  for (const group of s.commentsByTarget) {
    content.push(heading(3, group.target.label), bulletList(group.comments.map((c) => `${COMMENT_TYPE_LABELS[c.type]} — ${commentLine(c, meta)}`)));
  }

  content.push(heading(2, 'Objections ouvertes'));
  content.push(s.openObjections.length === 0 ? paragraph('Aucune objection ouverte à la clôture.') : bulletList(s.openObjections.map((c) => commentLine(c, meta))));

  content.push(heading(2, 'Analyse et suites à donner'), paragraph('À compléter par l’animateur·rice : enseignements du tour de table, points à arbitrer, prochaines étapes.'));
  return { type: 'doc', content };
}

/** Excel reads `;`-separated UTF-8 with a BOM in French locales; CRLF line ends as RFC 4180 says. */
const BOM = '\uFEFF';

/** One CSV cell: quoted when needed, and formula-looking text neutralised (a cell starting with = would run in Excel). */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A position row of the CSV export. */
export type CsvPositionRow = {
  communeName: string;
  inseeCode: string | null;
  kind: keyof typeof POSITION_LABELS | null;
  motivation: string | null;
  conditions: readonly string[];
  actionImpacts: readonly { title: string; impact: ActionImpact }[];
  authorName: string | null;
  recordedAt: string | null;
};

/** CSV of positions, one row per invited commune (UTF-8 with BOM, `;` separator, CRLF). */
export function positionsCsv(rows: readonly CsvPositionRow[]): string {
  const header = ['Commune', 'Code INSEE', 'Position', 'Motivation', 'Conditions', 'Actions renforcées', 'Actions neutres', 'Actions affaiblies', 'Détail des actions', 'Exprimée par', 'Date (UTC)'];
  const lines = rows.map((r) => {
    const count = (i: ActionImpact) => r.actionImpacts.filter((a) => a.impact === i).length;
    return [
      r.communeName,
      r.inseeCode,
      r.kind ? POSITION_LABELS[r.kind] : 'Sans position',
      r.motivation,
      r.conditions.join(' ; '),
      r.kind ? count('renforce') : null,
      r.kind ? count('neutre') : null,
      r.kind ? count('affaiblit') : null,
      r.actionImpacts.map((a) => `${a.title} : ${ACTION_IMPACT_LABELS[a.impact]}`).join(' ; '),
      r.authorName,
      r.recordedAt,
    ]
      .map(csvCell)
      .join(';');
  });
  return BOM + [header.map(csvCell).join(';'), ...lines].join('\r\n') + '\r\n';
}
