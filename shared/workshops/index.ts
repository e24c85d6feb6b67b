/** Pure rules of live workshops (*séances*); see each module for its rules. */
export * from './verdict.js';
export * from './seance.js';
export * from './speaking.js';
export * from './polls.js';
export * from './attendance.js';
export * from './bodies.js';
export * from './ical.js';
export * from './live.js';
