/**
 * Name of the Y.XmlFragment that holds the TipTap content of every real-time document.
 * Client (Collaboration extension `field`), server (seeding, amendments, exports) and tests must agree on it,
 * so it lives in exactly one place (contracts.md, "Real-time documents").
 */
export const DEFAULT_FRAGMENT = 'default';
