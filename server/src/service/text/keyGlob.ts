/**
 * Metric and parameter keys chosen by globs: a comma-separated list such as `test_*,eval/f1`.
 * `*` matches any run of characters, `/` included (keys are names, not paths); `?` one character.
 */
export function keyMatcher(globs: string): (key: string) => boolean {
  const patterns = globs
    .split(',')
    .map((glob) => glob.trim())
    .filter(Boolean)
    .map((glob) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`));
  return (key) => patterns.some((pattern) => pattern.test(key));
}
