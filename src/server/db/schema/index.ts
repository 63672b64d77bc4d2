export * from './audit.js';
export * from './casework.js';
export * from './contacts.js';
export * from './households.js';
export * from './sites.js';
export * from './statistics.js';
export * from './users.js';
