/**
 * Shapes of the diagnostic API (records, overview, board, matrix) shared by the server's presenters and the client.
 */
import type { SectionInput, NeedItem } from './schemas.js';
import type { BoardSection, CompletenessStatus, SectionKey } from './sections.js';
import type { ParticipationState } from '../projects/participation.js';
import type { Role } from '../auth/roles.js';

/** Every field of the input present, optional ones as `null` when unknown. */
type Filled<T> = { [K in keyof T]-?: Exclude<T[K], undefined> | (undefined extends T[K] ? null : never) };

/** Stable id and last change of a record (records and their fields are what comments will anchor to). */
export type RecordMeta = { id: string; createdAt: string; updatedAt: string; updatedBy: { id: string; name: string } | null };

export type BesoinRecord = RecordMeta & Filled<SectionInput<'besoins'>>;
export type ServiceRecord = RecordMeta & Filled<SectionInput<'services'>>;
/** A usage also carries the commune of its service (the commune whose data it is). */
export type UsageRecord = RecordMeta & Filled<SectionInput<'usages'>> & { communeId: string };
export type AgentRecord = RecordMeta & Filled<SectionInput<'agents'>> & { etp: number | null; etpService: number | null };
export type EquipementRecord = RecordMeta & Filled<SectionInput<'equipements'>>;
export type FinanceRecord = RecordMeta & Filled<SectionInput<'finances'>>;
/** A need or wish expressed in a consultation: its own stable id so that it can be commented on and traced. */
export type NeedItemRecord = { id: string; kind: NeedItem['kind']; text: string; missionKey: string | null };
export type ConsultationRecord = RecordMeta &
  Filled<Omit<SectionInput<'consultations'>, 'needs' | 'participantUserIds'>> & { participantUserIds: string[]; needs: NeedItemRecord[] };

export type SectionRecords = {
  besoins: BesoinRecord;
  services: ServiceRecord;
  usages: UsageRecord;
  agents: AgentRecord;
  equipements: EquipementRecord;
  finances: FinanceRecord;
  consultations: ConsultationRecord;
};
export type AnyRecord = SectionRecords[SectionKey];

export type MissionDto = { key: string; label: string; description: string; custom: boolean };

export type DiagnosticCommuneDto = {
  id: string;
  name: string;
  inseeCode: string;
  population: number | null;
  member: boolean;
  participation: ParticipationState;
  /** Decided by the server's policy for the signed-in user. */
  canWrite: boolean;
  canValidate: boolean;
};

export type BoardCellDto = {
  status: CompletenessStatus;
  count: number;
  updatedAt: string | null;
  submittedBy: { id: string; name: string; at: string } | null;
  validatedBy: { id: string; name: string; at: string } | null;
  comment: string | null;
};

export type BoardRowDto = { communeId: string; cells: Record<BoardSection, BoardCellDto>; validated: number };

export type PersonDto = { id: string; name: string; role: Role; communeId: string | null; partnerId: string | null };

/** `GET /api/projects/:projectId/diagnostic`. */
export type DiagnosticOverviewDto = {
  projectId: string;
  territoryId: string;
  /** Shown as a banner (the demo says « données fictives de démonstration »). */
  notice: string | null;
  communes: DiagnosticCommuneDto[];
  missions: MissionDto[];
  board: BoardRowDto[];
  partners: { id: string; name: string }[];
  people: PersonDto[];
  /** What the signed-in user may do beyond per-commune rights. */
  can: { manageMissions: boolean; import: boolean; manageConsultations: boolean; readAudit: boolean };
  /** Per consultation: may the viewer complete it (minutes, needs), and relink or delete it. */
  consultationRights: Record<string, { contribute: boolean; manage: boolean }>;
};

/** Payload of the live event `diagnostic.changed` (the client refetches what it shows). */
export type DiagnosticChangedPayload = {
  section: SectionKey | 'completeness' | 'missions';
  action: 'created' | 'updated' | 'deleted' | 'imported' | 'submitted' | 'validated' | 'returned';
  communeIds: string[];
  recordIds: string[];
  by: string;
};

/** An import problem: 1-based line of the file (the header is line 1), column label, French message. */
export type ImportErrorDto = { line: number; column: string | null; message: string };

export type ImportPreviewDto = {
  section: SectionKey;
  format: 'csv' | 'xlsx';
  rows: { line: number; action: 'create' | 'update' | 'unchanged'; id: string | null; communeName: string | null; label: string }[];
  errors: ImportErrorDto[];
  summary: { create: number; update: number; unchanged: number; total: number };
};

export type ImportCommitDto = { section: SectionKey; created: number; updated: number; unchanged: number; ids: string[] };
