import { actionPlanTemplate } from './actionPlanTemplate.js';
import { agreementTemplate } from './agreementTemplate.js';
import { blankTemplate } from './blankTemplate.js';
import type { PolicyTemplate } from './PolicyTemplate.js';

/** Templates offered when creating a document, by id. Add one here to offer it. */
export const templates = {
  blank: blankTemplate,
  agreement: agreementTemplate,
  action_plan: actionPlanTemplate,
} as const satisfies Record<string, PolicyTemplate>;

export type TemplateId = keyof typeof templates;
export const TEMPLATE_IDS = Object.keys(templates) as TemplateId[];
