/** Sent name -> original name, only for names that had to be rewritten. */
export type ToolNameMap = ReadonlyMap<string, string>;

/** OpenAI's function-name rule; several compatible providers enforce it strictly. */
const VALID_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_LENGTH = 64;

const baseName = (name: string): string =>
  (name.replace(/[^a-zA-Z0-9_-]/g, '_') || 'tool').slice(0, MAX_LENGTH);

const withSuffix = (base: string, n: number): string => {
  const suffix = `_${n}`;
  return base.slice(0, MAX_LENGTH - suffix.length) + suffix;
};

export interface ToolNameRewrite {
  /** Original name -> name to send. */
  readonly toSent: ReadonlyMap<string, string>;
  /** Sent name -> original name, for restoring names in the answer. */
  readonly toOriginal: ToolNameMap;
}

/**
 * Rewrites names the provider would reject, reversibly. Valid names are claimed first so they never
 * change; a rewritten name that collides (e.g. `a.b` and `a:b`) gets `_2`, `_3`, ...
 */
export const rewriteToolNames = (names: Iterable<string>): ToolNameRewrite => {
  const unique = [...new Set(names)];
  const taken = new Set(unique.filter((name) => VALID_NAME.test(name)));
  const toSent = new Map<string, string>();
  const toOriginal = new Map<string, string>();
  for (const name of unique) {
    if (VALID_NAME.test(name)) {
      toSent.set(name, name);
      continue;
    }
    const base = baseName(name);
    let sent = base;
    for (let n = 2; taken.has(sent); n++) sent = withSuffix(base, n);
    taken.add(sent);
    toSent.set(name, sent);
    toOriginal.set(sent, name);
  }
  return { toSent, toOriginal };
};
