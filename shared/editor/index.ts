/**
 * The document toolkit shared by server and browser (contracts.md, "Real-time documents"): the editor schema,
 * fragment ↔ ProseMirror JSON/text conversion, sections, text anchors and minimal Yjs edits. Pure TypeScript,
 * no DOM, no React.
 */
export { DEFAULT_FRAGMENT } from './constants.js';
export { editorExtensions, editorSchema } from './extensions.js';
export { fragmentToJSON, fragmentToText, jsonToUpdate, parseEditorJSON } from './convert.js';
export { listSections, resolveSection, type Section } from './sections.js';
export {
  createAnchor,
  createAnchorFromQuote,
  resolveAnchor,
  resolveAnchors,
  type Anchor,
  type ResolvedAnchor,
} from './anchors.js';
export {
  applyJSONMinimal,
  deleteBlock,
  insertBlock,
  replaceBlock,
  replaceRange,
  type MinimalApplyResult,
  type ReplaceRangeOptions,
  type ReplaceRangeResult,
} from './edits.js';
