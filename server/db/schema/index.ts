export * from './territory.js';
export * from './auth.js';
export * from './projects.js';
export * from './audit.js';
export * from './documents.js';
export * from './diagnostic.js';
export * from './versions.js';
export * from './notifications.js';
