export * from './signoffValues.js';
export * from './signoffSchemas.js';
export * from './presentedSignoff.js';
