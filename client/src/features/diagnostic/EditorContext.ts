import { createContext, useContext } from 'react';
import type { CellContext } from '../../../../shared/diagnostic/cells.js';
import type { DiagnosticOverviewDto } from '../../../../shared/diagnostic/types.js';
import type { CommuneDto } from '../../../../shared/api/types.js';

/** What the diagnostic pages share: the overview (communes, rights, missions), the territory's communes and services. */
export type DiagnosticCtx = {
  projectId: string;
  projectTitle: string;
  overview: DiagnosticOverviewDto;
  territoryCommunes: CommuneDto[];
  services: { id: string; name: string; communeId: string }[];
  /** Resolves references for display and parsing (any commune of the territory may be named). */
  cells: CellContext;
};

export const DiagnosticContext = createContext<DiagnosticCtx | null>(null);

export function useDiagnostic(): DiagnosticCtx {
  const ctx = useContext(DiagnosticContext);
  if (!ctx) throw new Error('useDiagnostic outside DiagnosticPage');
  return ctx;
}

/** Name of a commune of the territory. */
export function communeName(ctx: DiagnosticCtx, id: string): string {
  return ctx.territoryCommunes.find((c) => c.id === id)?.name ?? ctx.overview.communes.find((c) => c.id === id)?.name ?? id;
}
