import { browser } from 'wxt/browser';
import type { MessageSender } from '../core/background';
import type { ContentRequest, DetectedResponse, Request, Send } from '../core/messages';

/** Messages between content scripts, extension pages and the background (types in core/messages.ts). */

export const sendToBackground: Send = (request) => browser.runtime.sendMessage(request);

/**
 * Answers requests with `handle` (undefined: not this listener's message). Only our own content
 * scripts and pages are answered.
 */
export function answerRequests(
  handle: (message: Request, sender: MessageSender) => Promise<unknown> | undefined,
): () => void {
  const listener = (
    message: Request,
    sender: MessageSender & { id?: string },
    sendResponse: (r: unknown) => void,
  ) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const result = handle(message, sender);
    if (!result) return undefined;
    result.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** In a content script: answers the popup's questions about this page. */
export function answerContentRequests(detected: () => DetectedResponse): void {
  browser.runtime.onMessage.addListener((message: ContentRequest, _sender, sendResponse) => {
    if (message?.type === 'detected') sendResponse(detected());
    return undefined;
  });
}
