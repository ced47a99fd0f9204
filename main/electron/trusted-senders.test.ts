import { describe, expect, it } from 'vitest';
import { createTrustedSenders } from './trusted-senders.js';

const UI = 'file:///app/dist/renderer/index.html';

function contents(id: number) {
  let destroyed: () => void = () => undefined;
  return {
    id,
    once: (_event: 'destroyed', listener: () => void) => {
      destroyed = listener;
    },
    destroy: () => destroyed(),
  };
}

describe('createTrustedSenders', () => {
  it('trusts our webContents showing our UI only', () => {
    const trusted = createTrustedSenders(UI);
    trusted.add(contents(7));
    expect(trusted.isTrusted({ sender: { id: 7 }, senderFrame: { url: `${UI}#/keys` } })).toBe(
      true,
    );
    expect(trusted.isTrusted({ sender: { id: 8 }, senderFrame: { url: UI } })).toBe(false);
    expect(
      trusted.isTrusted({ sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } }),
    ).toBe(false);
    expect(trusted.isTrusted({ sender: { id: 7 }, senderFrame: null })).toBe(false);
  });

  it('forgets a webContents once destroyed (ids are reused)', () => {
    const trusted = createTrustedSenders(UI);
    const window = contents(3);
    trusted.add(window);
    expect(trusted.ids()).toEqual([3]);
    window.destroy();
    expect(trusted.has(3)).toBe(false);
  });
});
