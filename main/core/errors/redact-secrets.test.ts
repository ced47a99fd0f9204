import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact-secrets.js';

const KEY = 'sk-ant-test-FAKEFAKEFAKE0123456789abcdef';
// Azure keys are 32 hex characters with no prefix; this one says what it is.
const AZURE_KEY = 'fake0fake0fake0fake0fake0fake0fa';

describe('redactSecrets', () => {
  it('replaces every occurrence of each of our keys', () => {
    const out = redactSecrets(`key ${KEY} rejected; ${KEY} again`, [KEY]);
    expect(out).toBe(`key ${REDACTED} rejected; ${REDACTED} again`);
  });

  it('replaces keys that have no recognisable shape (Azure hex keys)', () => {
    expect(redactSecrets(`Access denied for ${AZURE_KEY}.`, [AZURE_KEY])).toBe(
      `Access denied for ${REDACTED}.`,
    );
  });

  it('replaces the longer of two overlapping keys whole', () => {
    const short = 'plainsecretvalue';
    const long = `${short}-extended`;
    expect(redactSecrets(`got ${long}`, [short, long])).toBe(`got ${REDACTED}`);
  });

  it("redacts OpenAI's masked echo of a key (openai-chat-nonstream-and-errors.txt)", () => {
    const message =
      'Incorrect API key provided: sk-test-********************************************0000. You can find your API key at https://platform.openai.com/account/api-keys.';
    const out = redactSecrets(message, []);
    expect(out).toBe(
      `Incorrect API key provided: ${REDACTED}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    );
  });

  it('redacts short masked tokens and key-shaped tokens that are not ours', () => {
    expect(redactSecrets('Incorrect API key provided: sk-abc***xyz.', [])).toBe(
      `Incorrect API key provided: ${REDACTED}.`,
    );
    expect(redactSecrets('bad key abc***xyz here', [])).toBe(`bad key ${REDACTED} here`);
    expect(redactSecrets('key sk-proj-FAKE-test-0000 is revoked', [])).toBe(
      `key ${REDACTED} is revoked`,
    );
    expect(redactSecrets('groq gsk_FAKE_test_0000 bad', [])).toBe(`groq ${REDACTED} bad`);
    expect(redactSecrets('google AIzaSyFAKEFAKEFAKEFAKE12345 bad', [])).toBe(
      `google ${REDACTED} bad`,
    );
  });

  it('redacts bearer tokens but keeps the word', () => {
    expect(redactSecrets('sent Authorization: Bearer eyJhbGciOi.FAKE.sig', [])).toBe(
      `sent Authorization: Bearer ${REDACTED}`,
    );
  });

  it('redacts a partial echo (a prefix or suffix) of one of our keys', () => {
    expect(redactSecrets('key starting FAKEFAKEFAKE01 is wrong', [KEY])).toBe(
      `key starting ${REDACTED} is wrong`,
    );
    expect(redactSecrets('key ending 23456789abcdef', [KEY])).toBe(`key ending ${REDACTED}`);
  });

  it('leaves ordinary messages alone', () => {
    const message =
      "This request would exceed your organization's rate limit of 2,000,000 input tokens per minute.";
    expect(redactSecrets(message, [KEY, AZURE_KEY])).toBe(message);
    expect(redactSecrets('task-force and risk-free are words', [])).toBe(
      'task-force and risk-free are words',
    );
  });

  it('ignores empty secrets instead of mangling the text', () => {
    expect(redactSecrets('hello', ['', KEY])).toBe('hello');
  });
});
