import { describe, expect, it } from 'vitest';
import { XmlElementCounter } from './XmlElementCounter.js';

const XML =
  '<?xml version="1.0"?><!-- note --><w:document><w:body><w:p><w:r><w:t>a &lt; b</w:t></w:r></w:p><w:p/></w:body></w:document>';

describe('XmlElementCounter', () => {
  it('counts start and empty-element tags, not end tags, comments or declarations', () => {
    const counter = new XmlElementCounter();
    counter.add(Buffer.from(XML));
    expect(counter.count).toBe(6);
  });

  it('counts the same whatever the chunks, also when a chunk ends with "<"', () => {
    const bytes = Buffer.from(XML);
    for (let size = 1; size <= 7; size++) {
      const counter = new XmlElementCounter();
      for (let at = 0; at < bytes.length; at += size) counter.add(bytes.subarray(at, at + size));
      expect(counter.count, `chunks of ${size}`).toBe(6);
    }
  });
});
