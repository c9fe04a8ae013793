import { describe, expect, it } from 'vitest';
import { FOLD_FROM, FOLD_TO, foldForSearch } from './search-text.ts';

describe('foldForSearch', () => {
  it('ignores accents and case but keeps æ, ø and å', () => {
    expect(foldForSearch('Emine Doğan')).toBe('emine dogan');
    expect(foldForSearch('Songül BEGIĆ')).toBe('songul begic');
    expect(foldForSearch('Şahin')).toBe('sahin');
    expect(foldForSearch('İlknur Öztürk')).toBe('ilknur ozturk');
    expect(foldForSearch('Søren Ærø Åby')).toBe('søren ærø åby');
  });
  it('maps one character to one, as SQL translate needs', () => {
    expect([...FOLD_FROM]).toHaveLength([...FOLD_TO].length);
  });
});
