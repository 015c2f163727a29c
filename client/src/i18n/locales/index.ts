import en from './en.json';
import es from './es.json';
import pt from './pt.json';
import fr from './fr.json';
import structureEn from './structure.en.json';
import structureEs from './structure.es.json';
import structurePt from './structure.pt.json';
import structureFr from './structure.fr.json';
import commentsEn from './comments.en.json';
import commentsEs from './comments.es.json';
import commentsPt from './comments.pt.json';
import commentsFr from './comments.fr.json';
import versionsEn from './versions.en.json';
import versionsEs from './versions.es.json';
import versionsPt from './versions.pt.json';
import versionsFr from './versions.fr.json';
import editingEn from './editing.en.json';
import editingEs from './editing.es.json';
import editingPt from './editing.pt.json';
import editingFr from './editing.fr.json';
import phoneEn from './phone.en.json';
import phoneEs from './phone.es.json';
import phonePt from './phone.pt.json';
import phoneFr from './phone.fr.json';
import accountEn from './account.en.json';
import accountEs from './account.es.json';
import accountPt from './account.pt.json';
import accountFr from './account.fr.json';
import offlineEn from './offline.en.json';
import negotiationEn from './negotiation.en.json';
import signoffEn from './signoff.en.json';
import offlineEs from './offline.es.json';
import negotiationEs from './negotiation.es.json';
import signoffEs from './signoff.es.json';
import offlinePt from './offline.pt.json';
import negotiationPt from './negotiation.pt.json';
import signoffPt from './signoff.pt.json';
import offlineFr from './offline.fr.json';
import negotiationFr from './negotiation.fr.json';
import signoffFr from './signoff.fr.json';
import amendmentsEn from './amendments.en.json';
import amendmentsEs from './amendments.es.json';
import amendmentsPt from './amendments.pt.json';
import amendmentsFr from './amendments.fr.json';
import manageEn from './manage.en.json';
import searchEn from './search.en.json';
import manageEs from './manage.es.json';
import searchEs from './search.es.json';
import managePt from './manage.pt.json';
import searchPt from './search.pt.json';
import manageFr from './manage.fr.json';
import searchFr from './search.fr.json';
import type { LanguageCode } from '../LANGUAGES';

/**
 * Every interface string, per language. Features keep their strings in files of their own
 * (`<feature>.<language>.json`, under one top-level key such as "comments"), merged here.
 */
export const LOCALES: Record<LanguageCode, Record<string, unknown>> = {
  en: {
    ...en,
    ...structureEn,
    ...commentsEn,
    ...versionsEn,
    ...editingEn,
    ...phoneEn,
    ...accountEn,
    ...offlineEn,
    ...negotiationEn,
    ...signoffEn,
    ...amendmentsEn,
    ...manageEn,
    ...searchEn,
  },
  es: {
    ...es,
    ...structureEs,
    ...commentsEs,
    ...versionsEs,
    ...editingEs,
    ...phoneEs,
    ...accountEs,
    ...offlineEs,
    ...negotiationEs,
    ...signoffEs,
    ...amendmentsEs,
    ...manageEs,
    ...searchEs,
  },
  pt: {
    ...pt,
    ...structurePt,
    ...commentsPt,
    ...versionsPt,
    ...editingPt,
    ...phonePt,
    ...accountPt,
    ...offlinePt,
    ...negotiationPt,
    ...signoffPt,
    ...amendmentsPt,
    ...managePt,
    ...searchPt,
  },
  fr: {
    ...fr,
    ...structureFr,
    ...commentsFr,
    ...versionsFr,
    ...editingFr,
    ...phoneFr,
    ...accountFr,
    ...offlineFr,
    ...negotiationFr,
    ...signoffFr,
    ...amendmentsFr,
    ...manageFr,
    ...searchFr,
  },
};
