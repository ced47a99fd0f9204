import { isOwnUiUrl } from './own-ui-url.js';

/** What an IPC event tells us about who sent it (Electron's IpcMainInvokeEvent satisfies it). */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number };
  /** null once the frame navigated away or was destroyed. */
  readonly senderFrame: { readonly url: string } | null;
}

/** The webContents we may register (Electron's WebContents satisfies it). */
export interface TrackedContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface TrustedSenders {
  /** Trusts a webContents we created until it is destroyed. */
  add(contents: TrackedContents): void;
  has(id: number): boolean;
  ids(): readonly number[];
  /** Sent by one of our webContents, from a frame showing our UI (not an iframe or a page it navigated to). */
  isTrusted(event: IpcSenderEvent): boolean;
}

/**
 * The set of webContents ids we created (GitHub Desktop's trusted-ipc-sender): messages from any
 * other webContents, or from a frame whose URL is not our UI, are refused.
 */
export function createTrustedSenders(uiUrl: string): TrustedSenders {
  const trusted = new Set<number>();
  return {
    add(contents) {
      const { id } = contents;
      trusted.add(id);
      contents.once('destroyed', () => trusted.delete(id));
    },
    has: (id) => trusted.has(id),
    ids: () => [...trusted],
    isTrusted(event) {
      return (
        trusted.has(event.sender.id) &&
        event.senderFrame !== null &&
        isOwnUiUrl(event.senderFrame.url, uiUrl)
      );
    },
  };
}
