import { escapeXml } from './escapeXml.js';

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | null | undefined>;
  children?: XmlNode[];
}
/** Character data, escaped when serialized. */
export interface XmlText {
  text: string;
}
export type XmlNode = XmlElement | XmlText;

const isText = (node: XmlNode): node is XmlText => 'text' in node;
const childrenOf = (node: XmlElement) => (node.children ?? []).filter((k) => !isText(k) || k.text !== '');

function attributes(attrs: XmlElement['attrs']): string {
  if (!attrs) return '';
  return Object.entries(attrs)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}

/**
 * An XML tree as text, with every character escaped. Elements holding only elements are
 * indented one per line; elements named in `mixed` (p, num, heading …) and any element holding
 * text are written on one line, since whitespace added there would become part of the text.
 */
export function serializeXml(root: XmlElement, mixed: ReadonlySet<string>): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const inline = (node: XmlNode): void => {
    if (isText(node)) {
      out.push(escapeXml(node.text));
      return;
    }
    const kids = childrenOf(node);
    if (!kids.length) {
      out.push(`<${node.name}${attributes(node.attrs)}/>`);
      return;
    }
    out.push(`<${node.name}${attributes(node.attrs)}>`);
    kids.forEach(inline);
    out.push(`</${node.name}>`);
  };
  const block = (node: XmlElement, indent: string): void => {
    const kids = childrenOf(node);
    if (!kids.length || mixed.has(node.name) || kids.some(isText)) {
      out.push(indent);
      inline(node);
      out.push('\n');
      return;
    }
    out.push(`${indent}<${node.name}${attributes(node.attrs)}>\n`);
    for (const kid of kids) block(kid as XmlElement, `${indent}  `);
    out.push(`${indent}</${node.name}>\n`);
  };
  block(root, '');
  return out.join('');
}
