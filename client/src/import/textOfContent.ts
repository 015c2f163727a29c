interface JsonNode {
  text?: string;
  content?: JsonNode[];
}

/** The first `max` characters of a ProseMirror JSON document's text, paragraphs apart (no recursion). */
export function textOfContent(root: JsonNode, max = 40_000): string {
  const parts: string[] = [];
  let length = 0;
  const stack: JsonNode[] = [root];
  while (stack.length > 0 && length < max) {
    const node = stack.pop()!;
    if (typeof node.text === 'string') {
      parts.push(node.text);
      length += node.text.length;
    } else if (Array.isArray(node.content)) {
      parts.push(' ');
      for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]!);
    }
  }
  return parts.join('').slice(0, max);
}
