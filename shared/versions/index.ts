/** Versions of co-written documents: API types and the pure readable diff (shared by server and client). */
export { diffDocuments, diffWords, textBlocks, tokenize, similarity, CHANGED_THRESHOLD } from './diff.js';
export type { DiffBlock, DiffNode, DocumentDiff, TextBlock, WordOp } from './diff.js';
export { VERSION_KINDS, VERSION_LABEL_MAX, CreateVersionSchema, phaseVersionLabel } from './types.js';
export type { VersionKind, VersionDto, VersionDetailDto, VersionDiffDto, RestoreResultDto, CreateVersionInput } from './types.js';
