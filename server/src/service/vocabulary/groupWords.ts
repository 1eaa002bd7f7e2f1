/**
 * Words people use for common slice values: a card that says "older men" discusses the slice
 * `{age: old, gender: male}`. Keys are slice values (lowercase); other values match as written,
 * with the endings of plurals and comparatives (old → older, oldest; female → females).
 */
export const groupWords: Readonly<Record<string, readonly string[]>> = {
  male: ['man', 'men', 'boy', 'boys', 'masculine'],
  female: ['woman', 'women', 'girl', 'girls', 'feminine'],
  man: ['male', 'males', 'men'],
  woman: ['female', 'females', 'women'],
  non_binary: ['nonbinary', 'non-binary', 'gender diverse'],
  old: ['elderly', 'senior', 'seniors', 'aged', 'older adults'],
  older: ['old', 'elderly', 'senior', 'seniors'],
  young: ['youth', 'youths', 'younger adults', 'juvenile'],
  younger: ['young', 'youth'],
  child: ['children', 'kids', 'paediatric', 'pediatric'],
  adult: ['adults', 'grown-ups'],
  dark: ['darker-skinned', 'darker skin', 'dark-skinned'],
  light: ['lighter-skinned', 'lighter skin', 'light-skinned', 'fair-skinned'],
};
