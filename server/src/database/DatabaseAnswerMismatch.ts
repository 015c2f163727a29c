/**
 * The database answered a query with documents that do not match it: a reply meant for another
 * request (see answerMatchesFilter.ts). Never served as data; the request fails with a 500.
 */
export class DatabaseAnswerMismatch extends Error {}
