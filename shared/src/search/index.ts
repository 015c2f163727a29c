export * from './foldForSearch.js';
export * from './findMatches.js';
export * from './snippetAround.js';
export * from './searchLimits.js';
export * from './searchSchemas.js';
