/**
 * One stored value, as core code sees it: platform/storage.ts defines every item (key and fallback)
 * once; models and the overlay receive the items they need, so they run in tests without a browser.
 */
export interface StorageItem<T> {
  key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}
