// The policy-document model: schema (Tiptap extensions), clause ids, numbering, canonical
// rendering, templates and import. Used by the editor (client) and the server alike.
export * from './nodeNames.js';
export * from './clauseKinds.js';
export * from './actionStatuses.js';
export * from './isAllowedLinkHref.js';
export * from './policyExtensions.js';
export * from './policySchema.js';

export { Action } from './nodes/Action.js';
export { Annex } from './nodes/Annex.js';
export { Article } from './nodes/Article.js';
export { Chapter } from './nodes/Chapter.js';
export { ClauseHeading } from './nodes/ClauseHeading.js';
export { NumberedParagraph } from './nodes/NumberedParagraph.js';
export { Objective } from './nodes/Objective.js';
export { PolicyDocument } from './nodes/PolicyDocument.js';
export { Point } from './nodes/Point.js';
export { Preamble } from './nodes/Preamble.js';
export { Recital } from './nodes/Recital.js';
export { Title } from './nodes/Title.js';
export { policyNodes } from './nodes/policyNodes.js';
export { Bracketed } from './marks/Bracketed.js';
export { isValidBracketOption, bracketOpening, BRACKET_OPTION_MAX } from './marks/bracketOption.js';

export { isValidClauseId, CLAUSE_ID_LENGTH } from './ids/base62.js';
export { newClauseId } from './ids/newClauseId.js';
export { deriveClauseId } from './ids/deriveClauseId.js';
export { planClauseIdFixes, type ClauseIdFix, type ClauseIdSlot } from './ids/planClauseIdFixes.js';
export { repairClauseIds, type ClauseIdRepair } from './ids/repairClauseIds.js';
export { structuralNodesInJson } from './ids/structuralNodesInJson.js';
export { structuralNodesInDoc } from './ids/structuralNodesInDoc.js';
export { ClauseIds } from './ids/ClauseIds.js';
export { clauseIdsPlugin, clauseIdsPluginKey } from './ids/clauseIdsPlugin.js';

export type { ClauseNumber } from './numbering/ClauseNumber.js';
export { computeNumbering } from './numbering/computeNumbering.js';
export { numberClauses, type ClauseTreeAdapter } from './numbering/numberClauses.js';
export { clauseLabel } from './numbering/clauseLabel.js';
export { jsonTreeAdapter } from './numbering/jsonTreeAdapter.js';
export { pmTreeAdapter, type PositionedNode } from './numbering/pmTreeAdapter.js';
export { NUMBERING_WORDS, type NumberingWords } from './numbering/numberingWords.js';
export { toRoman } from './numbering/toRoman.js';
export { toLetters } from './numbering/toLetters.js';
export { numberingForDoc, type DocNumbering } from './numbering/numberingForDoc.js';
export { isTextOnlyChange } from './numbering/isTextOnlyChange.js';
export {
  Numbering,
  numberingPluginKey,
  numberingPlugin,
  getNumbering,
  type NumberingOptions,
  type NumberingState,
} from './numbering/Numbering.js';

export * from './render/DocumentProblem.js';
export { validateDocument } from './render/validateDocument.js';
export { plainText } from './render/plainText.js';
export {
  renderCanonical,
  type CanonicalClause,
  type ActionFields,
  type CanonicalDocument,
  type CanonicalFreeText,
} from './render/renderCanonical.js';
export { fragmentToJson } from './render/fragmentToJson.js';

export type { PolicyTemplate, TemplateOptions } from './templates/PolicyTemplate.js';
export { templates, TEMPLATE_IDS, type TemplateId } from './templates/templates.js';
export { buildNodes } from './templates/buildNodes.js';

export type { ImportBlock } from './import/ImportBlock.js';
export type { ImportSummary } from './import/ImportSummary.js';
export { importMarkdown } from './import/importMarkdown.js';
export { importBlocks } from './import/importBlocks.js';
export { blocksToDocument, type ImportOptions } from './import/blocksToDocument.js';
export { structuredPasteSlice } from './import/structuredPasteSlice.js';
export { StructuredPaste } from './import/StructuredPaste.js';
export { parseMarkdownBlocks } from './import/parseMarkdownBlocks.js';
export { parseInlineMarkdown } from './import/parseInlineMarkdown.js';
export { detectDocumentLanguage } from './import/detectLanguage.js';
export { detectStructureLine, type StructureLine } from './import/detectStructureLine.js';

export { PolicyCommands } from './commands/PolicyCommands.js';
export { insertClause } from './commands/insertClause.js';
export { newClauseNode, type InsertableKind } from './commands/newClauseNode.js';
export { moveClause } from './commands/moveClause.js';
export { moveClauseTo, type MovePlacement } from './commands/moveClauseTo.js';
export { promoteClause } from './commands/promoteClause.js';
export { demoteClause } from './commands/demoteClause.js';
export { splitClause } from './commands/splitClause.js';
export { leaveHeading } from './commands/leaveHeading.js';
