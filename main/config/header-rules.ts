/** RFC 9110 section 5.1: a field name is a token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** RFC 9110 section 5.5: CR, LF and NUL are never allowed in a field value (header injection). */
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

/** Why a configured upstream header cannot be sent, or undefined when it can. */
export function headerProblem(name: string, value: string): string | undefined {
  if (!TOKEN.test(name)) return `header name "${name}" is not a valid HTTP header name`;
  if (FORBIDDEN_IN_VALUE.test(value))
    return `header "${name}" has a line break or NUL in its value`;
  return undefined;
}
