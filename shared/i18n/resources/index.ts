import { analysisEn } from './analysis.en';
import { analysisZh } from './analysis.zh';
import { cliEn } from './cli.en';
import { cliZh } from './cli.zh';
import { deckEn } from './deck.en';
import { deckZh } from './deck.zh';
import { figuresEn } from './figures.en';
import { figuresZh } from './figures.zh';
import { menuEn } from './menu.en';
import { menuZh } from './menu.zh';
import { messagesEn } from './messages.en';
import { messagesZh } from './messages.zh';
import { uiEn } from './ui/en';
import { uiZh } from './ui/zh';
import { workbookEn } from './workbook.en';
import { workbookZh } from './workbook.zh';
import { workbookClientEn } from './workbook-client.en';
import { workbookClientZh } from './workbook-client.zh';

/**
 * The one set of user-facing text, per language and namespace: every screen, menu, message,
 * workbook, deck and CLI line is looked up here (through ../vocabulary.ts in shared and main,
 * through react-i18next in the renderer). English is the reference shape; each Chinese table
 * is typed against it, and test/i18n/parity.test.ts checks keys and placeholders.
 */
export const VOCABULARY = {
  en: {
    ui: uiEn,
    messages: messagesEn,
    menu: menuEn,
    deck: deckEn,
    cli: cliEn,
    figures: figuresEn,
    analysis: analysisEn,
    workbook: workbookEn,
    workbookClient: workbookClientEn,
  },
  zh: {
    ui: uiZh,
    messages: messagesZh,
    menu: menuZh,
    deck: deckZh,
    cli: cliZh,
    figures: figuresZh,
    analysis: analysisZh,
    workbook: workbookZh,
    workbookClient: workbookClientZh,
  },
} as const;

export type Vocabulary = (typeof VOCABULARY)['en'];
export type Namespace = keyof Vocabulary;
export const NAMESPACES = Object.keys(VOCABULARY.en) as Namespace[];
