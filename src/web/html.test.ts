/**
 * The HTML template every page is built with: each of the five characters that can end a text,
 * an attribute or a tag is escaped in text and in attribute values; nested templates and `raw`
 * are kept as they are; lists are joined; null, undefined and false render as nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, SafeHtml } from './html.ts';

/** Text rich in the characters that matter, beside ordinary and non-ASCII ones. */
const text = fc.string({ unit: fc.constantFrom('&', '<', '>', '"', "'", '=', ';', '#', 'a', ' ', 'æ', '😀') });

describe('escapeHtml', () => {
  it('escapes each of & < > " \' to its entity', () => {
    expect(escapeHtml('&')).toBe('&amp;');
    expect(escapeHtml('<')).toBe('&lt;');
    expect(escapeHtml('>')).toBe('&gt;');
    expect(escapeHtml('"')).toBe('&quot;');
    expect(escapeHtml("'")).toBe('&#39;');
    expect(escapeHtml(`a<b>"c"&'d'`)).toBe('a&lt;b&gt;&quot;c&quot;&amp;&#39;d&#39;');
  });

  it('escapes every occurrence, not only the first', () => {
    expect(escapeHtml('<<>>""&&\'\'')).toBe('&lt;&lt;&gt;&gt;&quot;&quot;&amp;&amp;&#39;&#39;');
  });

  it('leaves every other character alone (Danish letters, digits, entities-looking text gets its & escaped)', () => {
    expect(escapeHtml('Æble på øen 1–2 😀')).toBe('Æble på øen 1–2 😀');
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });

  it('output never contains a raw special character, and decodes back to the input (property)', () => {
    const decode = (s: string) =>
      s.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e]!);
    fc.assert(
      fc.property(text, (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(e.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(decode(e)).toBe(s);
      }),
    );
  });
});

describe('html template', () => {
  it('escapes interpolated text in element content', () => {
    expect(html`<p>${'<script>alert(1)</script>'}</p>`.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('cannot be broken out of a double- or single-quoted attribute', () => {
    const evil = `x" onmouseover="alert(1)`;
    expect(html`<a title="${evil}">`.value).toBe('<a title="x&quot; onmouseover=&quot;alert(1)">');
    expect(html`<a title='${"x' onclick='alert(1)"}'>`.value).toBe("<a title='x&#39; onclick=&#39;alert(1)'>");
  });

  it('closes no tag from a value: ">" in a value is escaped', () => {
    expect(html`<input value="${'"><img src=x onerror=alert(1)>'}">`.value).toBe(
      '<input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">',
    );
  });

  it('keeps nested templates and raw markup, escapes strings beside them', () => {
    const inner = html`<b>${'&'}</b>`;
    expect(inner).toBeInstanceOf(SafeHtml);
    expect(html`<p>${inner}${'<i>'}${raw('<svg></svg>')}</p>`.value).toBe('<p><b>&amp;</b>&lt;i&gt;<svg></svg></p>');
  });

  it('joins lists (also nested ones), escaping each string', () => {
    expect(html`<ul>${['<a>', html`<li>ok</li>`, ['&', 1]]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li>&amp;1</ul>');
  });

  it('renders null, undefined and false as nothing, but 0 and true as text', () => {
    expect(html`[${null}|${undefined}|${false}|${0}|${true}|${''}]`.value).toBe('[|||0|true|]');
  });

  it('keeps the literal parts and the order of the values', () => {
    expect(html`a${1}b${2}c`.value).toBe('a1b2c');
    expect(html`no values`.value).toBe('no values');
    expect(String(html`<p>${'x'}</p>`)).toBe('<p>x</p>');
  });

  it('any text in any attribute stays one attribute value (property)', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const out = html`<a title="${a}" data-x='${b}'>${a}</a>`.value;
        // Exactly the quotes and angle brackets of the literal parts survive.
        expect(out.match(/"/g)).toHaveLength(2);
        expect(out.match(/'/g)).toHaveLength(2);
        expect(out.match(/</g)).toHaveLength(2);
        expect(out.match(/>/g)).toHaveLength(2);
      }),
    );
  });
});
