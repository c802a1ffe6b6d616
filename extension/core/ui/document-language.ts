import { useEffect } from 'preact/hooks';
import type { UiLanguage } from '../settings';

/** An extension page's <html lang> follows the UI language (screen readers pronounce by it). */
export function useDocumentLanguage(language: UiLanguage): void {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
