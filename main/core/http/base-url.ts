const splits = new Map<string, { readonly origin: string; readonly prefix: string }>();

/**
 * A provider base URL as undici's dispatch wants it: the origin, and the path prefix the
 * endpoint paths go under (`https://api.z.ai/api/anthropic` -> prefix `/api/anthropic`).
 * Remembered per base URL, since every request of a provider asks the same.
 */
export function splitBaseUrl(base: string): { readonly origin: string; readonly prefix: string } {
  let split = splits.get(base);
  if (!split) {
    const url = new URL(base);
    split = { origin: url.origin, prefix: url.pathname.replace(/\/$/, '') };
    splits.set(base, split);
  }
  return split;
}
