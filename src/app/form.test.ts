/** The form stack's text readers (form.ts): a multi-line text as stored, and the control-character check. */
import { describe, expect, it } from 'vitest';
import { hasControlChar, multilineText } from './form.ts';

describe('multilineText', () => {
  it('gives line breaks as LF and trims, from the first value of a repeated field, without NUL', () => {
    expect(multilineText({ t: '  a\r\nb\rc\nd \r\n' }, 't')).toBe('a\nb\nc\nd');
    expect(multilineText({ t: ['\r\nx\u0000y', 'z'] }, 't')).toBe('xy');
    expect(multilineText({}, 't')).toBe('');
  });
});

describe('hasControlChar', () => {
  it('finds control characters and DEL, but not TAB, LF or ordinary text', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f', '\u007f'])
      expect(hasControlChar(`a${c}b`)).toBe(true);
    for (const s of ['a\tb', 'a\nb', 'æøå – “citat”', '', ' ']) expect(hasControlChar(s)).toBe(false);
  });
});
