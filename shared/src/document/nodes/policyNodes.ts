import { Action } from './Action.js';
import { Annex } from './Annex.js';
import { Article } from './Article.js';
import { Chapter } from './Chapter.js';
import { ClauseHeading } from './ClauseHeading.js';
import { NumberedParagraph } from './NumberedParagraph.js';
import { Objective } from './Objective.js';
import { PolicyDocument } from './PolicyDocument.js';
import { Point } from './Point.js';
import { Preamble } from './Preamble.js';
import { Recital } from './Recital.js';
import { Title } from './Title.js';

/** The policy node types, in the order their parse rules should be tried. */
export const policyNodes = [
  PolicyDocument,
  Title,
  Preamble,
  Recital,
  Chapter,
  Article,
  ClauseHeading,
  NumberedParagraph,
  Point,
  Objective,
  Action,
  Annex,
];
