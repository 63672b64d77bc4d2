export * from './audit.js';
export * from './sites.js';
export * from './users.js';
