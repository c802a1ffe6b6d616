import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { answerRequests, sendToBackground } = await import('../../../extension/platform/messaging');

describe('messaging (fakeBrowser runtime)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers our own content scripts and pages, nobody else', async () => {
    const seen: unknown[] = [];
    answerRequests((message, sender) => {
      seen.push(sender.tab?.id);
      return message.type === 'config' ? Promise.resolve({ disabledAdapters: [] }) : undefined;
    });
    const replies: unknown[] = [];
    const reply = (value: unknown) => replies.push(value);
    // The listener's third argument is sendResponse; fakeBrowser's trigger types only two.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    const listen = (sender: object) => trigger({ type: 'config' }, sender, reply);
    expect(await listen({ id: 'someone-else', tab: { id: 1 } })).toEqual([undefined]);
    expect(seen).toEqual([]);
    expect(await listen({ id: fakeBrowser.runtime.id, tab: { id: 2 } })).toEqual([true]);
    await vi.waitFor(() => expect(replies).toEqual([{ disabledAdapters: [] }]));
    expect(seen).toEqual([2]);
  });

  it('sends requests to the background', async () => {
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string }) =>
      Promise.resolve(message.type === 'config' ? { disabledAdapters: ['generic'] } : null)) as never);
    expect(await sendToBackground({ type: 'config' })).toEqual({ disabledAdapters: ['generic'] });
  });
});
