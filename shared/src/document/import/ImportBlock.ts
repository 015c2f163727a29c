/**
 * The intermediate form every importer produces: a flat list of blocks in reading order, with
 * inline text in Markdown syntax. Markdown is parsed into it here; a .docx converter (mammoth
 * HTML → blocks) can produce it too and reuse the structure detection in importBlocks.
 */
export type ImportBlock =
  | { kind: 'heading'; level: number; text: string }
  | {
      kind: 'listItem';
      /** The list marker as written: "1.", "a)", "(iv)", "-". */
      marker: string;
      /** Leading spaces (a tab counts as 4): nesting depth of the list. */
      indent: number;
      text: string;
    }
  | { kind: 'text'; text: string };
