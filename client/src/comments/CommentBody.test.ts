import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentBody } from './CommentBody';

const render = (body: string) => renderToStaticMarkup(createElement(CommentBody, { body }));

describe('CommentBody', () => {
  it('renders markup in a body as text', () => {
    const html = render('<img src=x onerror=alert(1)> <script>alert(2)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps line breaks, links to http(s) and mailto only, and shows mentions as names', () => {
    const html = render(
      'Line one\nLine two https://example.org/a?b=1. javascript:alert(1) mailto:ana@example.org @[Ana Quispe](0123456789abcdef01234567)',
    );
    expect(html).toContain('Line one<br/>Line two');
    expect(html).toContain(
      '<a href="https://example.org/a?b=1" target="_blank" rel="noopener noreferrer nofollow ugc">',
    );
    expect(html).toContain('<a href="mailto:ana@example.org"');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('@Ana Quispe</span>');
    expect(html).not.toContain('0123456789abcdef01234567)');
  });
});
