import { describe, expect, it } from 'vitest';
import en from './en';
import es from './es';
import fr from './fr';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a dictionary as 'section.key' → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text);
  }
  return found;
}

/** The {{placeholders}} a text fills in, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)[^}]*}}/g)].map((m) => m[1]!).sort();
}

const english = leaves(en);

describe.each([
  ['fr', fr],
  ['es', es],
])('the %s dictionary', (_language, dictionary) => {
  const translated = leaves(dictionary as Tree);

  it('has every key English has, and none English lacks', () => {
    expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
    expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('says something for every key, with the same placeholders as English', () => {
    for (const [key, text] of english) {
      const other = translated.get(key) ?? '';
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });
});
