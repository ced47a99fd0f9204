/** Keys pasted one per line (Windows line ends and blank lines included) -> the keys to add. */
export function splitKeys(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
