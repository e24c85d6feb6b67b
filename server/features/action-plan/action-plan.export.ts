/**
 * The action plan as a spreadsheet (XLSX with an « Actions » sheet and a « Avancement » sheet) or a CSV that French
 * spreadsheets open directly (UTF-8 with BOM, « ; »). Budgets are written in euros (number), dates as text.
 */
import type ExcelJS from 'exceljs';
import type { AppDeps } from '../../context.js';
import { ACTION_STATUS_LABELS, LEAD_KIND_LABELS, planProgress } from '../../../shared/convention/action-plan.js';
import type { RawCell } from '../../../shared/diagnostic/cells.js';
import { centsToEuroText } from '../../../shared/diagnostic/numbers.js';
import { addSheet, writeCsv } from '../diagnostic/diagnostic.tabular.js';
import { slugify } from '../exports/render/meta.js';
import { getProjectOr404 } from '../projects/projects.service.js';
import { actionPlanRepo } from './action-plan.repo.js';
import { listActions } from './action-plan.service.js';

export type PlanFile = { fileName: string; contentType: string; body: string | Uint8Array };

const HEADERS = ['Objectif', 'Action', 'Description', 'Type de pilote', 'Pilote', 'Partenaires', 'Début', 'Échéance', 'Budget (€)', 'Indicateur', 'Statut', 'En retard'];

/** Renders the plan of a project in `format`. */
export async function exportPlan(deps: AppDeps, projectId: string, format: 'csv' | 'xlsx'): Promise<PlanFile> {
  const project = getProjectOr404(deps, projectId);
  const objectives = actionPlanRepo.objectives(deps.db, projectId);
  const labels = new Map(objectives.map((o) => [o.id, o.label]));
  const actions = listActions(deps, projectId);
  // XLSX gets numbers (formatted in euros); CSV gets « 2500,50 », which French spreadsheets read as a number.
  const money = (cents: number | null) => (cents === null ? null : format === 'csv' ? centsToEuroText(cents) : cents / 100);
  const rows: RawCell[][] = actions.map((a) => [
    a.objectiveId ? (labels.get(a.objectiveId) ?? '') : '',
    a.title,
    a.description,
    LEAD_KIND_LABELS[a.leadKind],
    a.leadLabel,
    a.partners.join(', '),
    a.startDate ?? '',
    a.deadline ?? '',
    money(a.budgetCents),
    a.indicator,
    ACTION_STATUS_LABELS[a.status],
    a.late ? 'oui' : 'non',
  ]);
  const base = `plan-d-actions-${slugify(project.title)}`;
  if (format === 'csv') return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: writeCsv(HEADERS, rows) };

  const Excel = (await import('exceljs')).default;
  const wb = new Excel.Workbook();
  wb.creator = 'Mutualab';
  addSheet(wb, { name: 'Actions', headers: HEADERS, rows, numFmt: { 8: '#,##0.00 "€"' } });
  const today = deps.clock.now().toISOString().slice(0, 10);
  const progress = planProgress(actions, objectives.map((o) => o.id), today);
  const summary: RawCell[][] = progress.byObjective.map((p) => [
    p.objectiveId ? (labels.get(p.objectiveId) ?? '') : 'Sans objectif',
    p.total,
    p.byStatus.terminee,
    p.late,
    p.donePct === null ? null : p.donePct / 100,
    p.budgetCents / 100,
  ]);
  summary.push(['Ensemble du plan', progress.overall.total, progress.overall.byStatus.terminee, progress.overall.late, progress.overall.donePct === null ? null : progress.overall.donePct / 100, progress.overall.budgetCents / 100]);
  addSheet(wb, { name: 'Avancement', headers: ['Objectif', 'Actions', 'Terminées', 'En retard', 'Avancement', 'Budget (€)'], rows: summary, numFmt: { 4: '0 %', 5: '#,##0.00 "€"' } });
  const buffer = await wb.xlsx.writeBuffer();
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: new Uint8Array(buffer as ExcelJS.Buffer as ArrayBuffer) };
}
