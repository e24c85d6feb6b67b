/** Pure rules of rounds (*tours de table*) and amendments; see each module for its rules. */
export * from './verdict.js';
export * from './round.js';
export * from './positions.js';
export * from './reminders.js';
export * from './synthesis.js';
export * from './amendments.js';
export * from './synthesis-render.js';
