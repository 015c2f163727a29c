export * from './negotiationValues.js';
export * from './negotiationSchemas.js';
export * from './presentedNegotiation.js';
