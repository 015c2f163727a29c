import type { DocumentLanguage } from '../../documentKinds.js';
import { buildNodes as b } from './buildNodes.js';
import type { PolicyTemplate } from './PolicyTemplate.js';

interface ActionPlanStrings {
  title: string;
  context: string;
  objectives: [string, string];
  actions: [string, string, string];
  indicator: string;
}

const STRINGS: Record<DocumentLanguage, ActionPlanStrings> = {
  en: {
    title: 'Action plan on …',
    context: 'This action plan sets out …',
    objectives: ['Objective …', 'Objective …'],
    actions: ['Action …', 'Action …', 'Action …'],
    indicator: 'Indicator …',
  },
  es: {
    title: 'Plan de acción sobre …',
    context: 'El presente plan de acción establece …',
    objectives: ['Objetivo …', 'Objetivo …'],
    actions: ['Acción …', 'Acción …', 'Acción …'],
    indicator: 'Indicador …',
  },
  pt: {
    title: 'Plano de ação sobre …',
    context: 'O presente plano de ação estabelece …',
    objectives: ['Objetivo …', 'Objetivo …'],
    actions: ['Ação …', 'Ação …', 'Ação …'],
    indicator: 'Indicador …',
  },
  fr: {
    title: 'Plan d’action sur …',
    context: 'Le présent plan d’action définit …',
    objectives: ['Objectif …', 'Objectif …'],
    actions: ['Action …', 'Action …', 'Action …'],
    indicator: 'Indicateur …',
  },
};

/** An action plan: context, then objectives with actions carrying lead, partners, timeline, indicator, status. */
export const actionPlanTemplate: PolicyTemplate = {
  id: 'action_plan',
  kind: 'action_plan',
  name: { en: 'Action plan', es: 'Plan de acción', pt: 'Plano de ação', fr: 'Plan d’action' },
  build: ({ language, title }) => {
    const s = STRINGS[language];
    const action = (heading: string) => b.action(heading, { indicator: s.indicator, status: 'planned' });
    return b.doc(title ?? s.title, [
      b.paragraph(s.context),
      b.objective(s.objectives[0], [action(s.actions[0]), action(s.actions[1])]),
      b.objective(s.objectives[1], [action(s.actions[2])]),
    ]);
  },
};
