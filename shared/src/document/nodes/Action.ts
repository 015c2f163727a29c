import { Node, mergeAttributes } from '@tiptap/core';

const parseList = (value: string | null): string[] => {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * An action of an action plan: a heading (what will be done), optional description paragraphs,
 * and its fields as attributes, so they travel with the node through Yjs, moves and copies:
 *
 * - `leadOrganisations: string[]`, `partners: string[]` — organisation names
 * - `startDate`, `endDate: string | null` — ISO dates `YYYY-MM-DD`
 * - `indicator: string` — how progress is measured
 * - `status` — one of ACTION_STATUSES
 *
 * Attribute values are not validated here on purpose: ProseMirror validates attributes when
 * creating a node, and y-prosemirror deletes a Yjs element whose node cannot be created — a bad
 * date from one client would silently delete the whole action for everyone. The server reports
 * bad values instead (validateDocument).
 */
export const Action = Node.create({
  name: 'action',
  content: 'clauseHeading paragraph*',
  isolating: true,

  addAttributes() {
    return {
      leadOrganisations: {
        default: [],
        parseHTML: (el) => parseList(el.getAttribute('data-lead-organisations')),
        renderHTML: (attrs) => ({ 'data-lead-organisations': JSON.stringify(attrs.leadOrganisations ?? []) }),
      },
      partners: {
        default: [],
        parseHTML: (el) => parseList(el.getAttribute('data-partners')),
        renderHTML: (attrs) => ({ 'data-partners': JSON.stringify(attrs.partners ?? []) }),
      },
      startDate: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-start-date'),
        renderHTML: (attrs) => (attrs.startDate ? { 'data-start-date': attrs.startDate } : {}),
      },
      endDate: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-end-date'),
        renderHTML: (attrs) => (attrs.endDate ? { 'data-end-date': attrs.endDate } : {}),
      },
      indicator: {
        default: '',
        parseHTML: (el) => el.getAttribute('data-indicator') ?? '',
        renderHTML: (attrs) => (attrs.indicator ? { 'data-indicator': attrs.indicator } : {}),
      },
      status: {
        default: 'planned',
        parseHTML: (el) => el.getAttribute('data-status') ?? 'planned',
        renderHTML: (attrs) => ({ 'data-status': attrs.status }),
      },
    };
  },

  parseHTML: () => [{ tag: 'section[data-type="action"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'action' }),
    0,
  ],
});
