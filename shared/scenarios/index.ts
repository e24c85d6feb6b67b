/** Scenario domain logic (from diagnostic to convention): one import for services and UI. */
export * from './types.js';
export * from './instruments.js';
export * from './cost-model.js';
export * from './allocation.js';
export * from './deliberations.js';
export * from './adoption.js';
export * from './comparison.js';
export * from './model.js';
export * from './rules.js';
export * from './figures.js';
export type * from './api.js';
